import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { WorkerService } from '../worker/worker.service';

/**
 * The in-process worker, when this process runs one (ROLE=all). Looked up lazily and non-strictly
 * because AdminModule must not import WorkerModule (that would start a worker in ROLE=api).
 */
@Injectable()
export class WorkerAccess {
  constructor(private readonly modules: ModuleRef) {}

  find(): WorkerService | null {
    try {
      return this.modules.get(WorkerService, { strict: false });
    } catch {
      return null;
    }
  }

  /** The worker, or 503 WORKER.NOT_IN_PROCESS saying where the action has to run instead. */
  require(action: string): WorkerService {
    const worker = this.find();
    if (worker) return worker;
    throw new ServiceUnavailableException({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'WORKER.NOT_IN_PROCESS',
      message: `Cannot ${action}: this process runs no worker (ROLE=api). Call a process started with ROLE=all, or restart the worker (it retries nothing by itself).`,
    });
  }
}
