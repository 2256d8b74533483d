import { Module } from '@nestjs/common';
import { HttpDrain } from './http-drain.service';
import { ShutdownState } from './shutdown-state';

/** One stop for every process that serves HTTP (the API and the worker's health/metrics listener). */
@Module({ providers: [ShutdownState, HttpDrain], exports: [ShutdownState] })
export class LifecycleModule {}
