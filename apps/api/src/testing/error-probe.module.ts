import { Public } from '@bihuan/auth';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import { DomainError, DomainErrorKind } from '@bihuan/core';
import { WrongExpectedRevisionError } from '@bihuan/event-store';

export class ProbeDto {
  @IsString()
  @IsNotEmpty()
  institutionId!: string;

  @IsInt()
  @Min(1)
  rows!: number;
}

/** Routes that fail on purpose, so e2e tests can see how the app answers each kind of error. */
@Public()
@Controller('__probe')
export class ErrorProbeController {
  @Post('dto')
  dto(@Body() body: ProbeDto): { received: ProbeDto; isDto: boolean } {
    return { received: body, isDto: body instanceof ProbeDto };
  }

  @Get('domain/:kind')
  domain(@Param('kind') kind: DomainErrorKind): never {
    throw new DomainError(`PROBE.${kind.toUpperCase()}`, `probe ${kind}`, kind, kind === 'validation' ? { field: 'institutionId' } : {});
  }

  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedRevisionError('finding-1', 3, 4);
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internals');
  }
}

@Module({ controllers: [ErrorProbeController] })
export class ErrorProbeModule {}
