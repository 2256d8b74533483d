import { DeadLetter, DeadLetterStore } from './dead-letter-store.port';

/** Dead letters in a Map (tests, and the embedded default when no SQLite file is wanted). */
export class MemoryDeadLetterStore implements DeadLetterStore {
  private readonly letters = new Map<string, DeadLetter>();

  async put(letter: DeadLetter): Promise<void> {
    this.letters.delete(letter.id);
    this.letters.set(letter.id, letter);
  }

  async get(id: string): Promise<DeadLetter | null> {
    return this.letters.get(id) ?? null;
  }

  async list(workflow?: string): Promise<DeadLetter[]> {
    return [...this.letters.values()].filter((l) => workflow === undefined || l.workflow === workflow);
  }

  async remove(id: string): Promise<void> {
    this.letters.delete(id);
  }
}
