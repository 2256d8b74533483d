import { CheckpointStore } from './checkpoint-store.port';

/** Checkpoints in a Map: for tests, and for read models that are themselves in memory. */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number | null> {
    return this.positions.get(name) ?? null;
  }

  async save(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
  }

  async delete(name: string): Promise<void> {
    this.positions.delete(name);
  }
}
