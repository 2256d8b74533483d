import { Gauge, Registry } from 'prom-client';
import { ShutdownState } from '../lifecycle/shutdown-state';

/** Whether the process is stopping and how many requests it is still answering (probes and scrapes not counted). */
export function registerLifecycleGauges(registry: Registry, state: ShutdownState): void {
  new Gauge({
    name: 'bihuan_stopping',
    help: '1 from the moment the process received SIGTERM/SIGINT (unready, refusing new requests) until it exits',
    registers: [registry],
    collect() {
      this.set(state.stopping ? 1 : 0);
    },
  });
  new Gauge({
    name: 'bihuan_http_requests_in_flight',
    help: 'Requests being answered now (not /health or /metrics); a stop waits for these within SHUTDOWN_GRACE_SECONDS',
    registers: [registry],
    collect() {
      this.set(state.inFlight);
    },
  });
}
