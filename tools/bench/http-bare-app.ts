import { Body, Controller, Get, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/*
 * The framework's ceiling for the http bench: NestJS 11 on Express with one validated DTO (the
 * same rules as PlanVisitDto) and one GET answering a page of 20 visit-shaped rows held in memory. Whatever the
 * real API costs beyond this is ours. Beside it, optionally, the floor of a real read (`floorModule`).
 */

class PlanDto {
  @IsIn(['routine', 'unannounced', 'random', 'special', 'self'])
  kind!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  institutionId!: string;

  @IsISO8601({ strict: true })
  plannedDate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  campaignId?: string;
}

/** A page of 20 rows shaped as the API's visits (VisitView), so both serialise the same amount. */
const ROWS = Array.from({ length: 20 }, (_, i) => ({
  visitId: `visit-${i}`,
  kind: 'routine',
  institutionId: 'hosp-a1-1',
  campaignId: null,
  inspectorIds: ['inspector-a1'],
  plannedDate: '2026-03-03',
  plannedBy: 'inspector-a1',
  conductedOn: null,
  summary: null,
  status: 'planned',
  findingIds: [],
  closedAt: null,
  reopenCount: 0,
  cancelledReason: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
}));

@Controller('visits')
class BareController {
  private next = 0;

  @Post()
  plan(@Body() body: PlanDto): { id: string; kind: string } {
    return { id: `visit-${this.next++}`, kind: body.kind };
  }

  @Get()
  list(): { items: typeof ROWS; nextCursor: null } {
    return { items: ROWS, nextCursor: null };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/**
 * The floor of a real read: the same first page of visits, read by one statement prepared once
 * from the API's own SQLite file (read-only), rows as better-sqlite3 makes them, and nothing else —
 * no sign-in, scope, validation, names or logging. What a read costs beyond this is our pipeline's.
 */
function floorModule(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const institutions = (db.prepare('SELECT DISTINCT institution_id FROM inspection_visits').pluck().all() as string[]).map((id) =>
    id.replace(/'/g, "''"),
  );
  const page = db.prepare(
    `SELECT * FROM inspection_visits WHERE institution_id IN ('${institutions.join("','")}') ORDER BY created_position DESC LIMIT 21`,
  );

  @Controller('floor/visits')
  class FloorController {
    @Get()
    list(): { items: unknown[]; nextCursor: string | null } {
      const rows = page.all();
      return { items: rows.slice(0, 20), nextCursor: rows.length > 20 ? 'next' : null };
    }
  }

  @Module({ controllers: [FloorController] })
  class FloorModule {}
  return { module: FloorModule, close: () => db.close() };
}

/**
 * The bare app, listening on an ephemeral port of 127.0.0.1. Given the API's SQLite file (once
 * commands have filled it), it also answers the floor of a read at `/floor/visits`.
 */
export async function startBareApp(readModelFile?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const floor = readModelFile === undefined ? null : floorModule(readModelFile);
  @Module({ imports: [BareModule, ...(floor ? [floor.module] : [])] })
  class AppModule {}
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  return {
    url: await app.getUrl(),
    close: async () => {
      await app.close();
      floor?.close();
    },
  };
}
