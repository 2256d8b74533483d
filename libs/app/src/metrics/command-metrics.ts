import { Counter, Histogram, Registry } from 'prom-client';
import { CommandObservation, CommandObserver } from '@bihuan/platform';

/** From a fast append (~1 ms) to a command held by read-your-writes or a long stream (seconds). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Command latency by command type, recorded in the one write seam (CommandExecution tells every
 * command it runs); plus how often a person's command answered before its read models caught up.
 * Labels are bounded: categories and command types are code, not data.
 */
export class CommandMetrics implements CommandObserver {
  private readonly latency: Histogram<'category' | 'type' | 'source' | 'result'>;
  private readonly lagging: Counter<'category'>;

  constructor(registry: Registry) {
    this.latency = new Histogram({
      name: 'bihuan_command_duration_seconds',
      help: 'Time from a command entering the write seam to its answer (read-your-writes included for requests), by command type and result',
      labelNames: ['category', 'type', 'source', 'result'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.lagging = new Counter({
      name: 'bihuan_command_read_models_lagging_total',
      help: 'Requests whose command was written but answered before the read models caught up (worker stopping or slow)',
      labelNames: ['category'],
      registers: [registry],
    });
  }

  commandObserved(o: CommandObservation): void {
    this.latency.observe({ category: o.category, type: o.type, source: o.source, result: o.result }, o.seconds);
    if (o.readModelsLagging) this.lagging.inc({ category: o.category });
  }
}
