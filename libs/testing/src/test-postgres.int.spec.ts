import { Client } from 'pg';
import { createTestPostgresDatabase } from './test-postgres';

describe('createTestPostgresDatabase', () => {
  it('creates a database of its own that drop() removes', async () => {
    const db = await createTestPostgresDatabase('probe');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    expect(rows[0]?.name).toBe(db.name);
    await client.end();
    await db.drop();
    const again = new Client({ connectionString: db.url });
    await expect(again.connect()).rejects.toThrow(/does not exist/);
    await again.end().catch(() => undefined);
  });
});
