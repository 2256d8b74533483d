import { readFileSync } from 'node:fs';
import { checkRevealedDraw, PublicDrawDocument, RevealedDrawCheck, RevealedDrawFacts } from '@bihuan/credit';
import { CliIo } from '../cli-command';

/** The facts a check needs from a public draw page (GET /public/draws/<id>), or why the file has none. */
function factsOf(doc: Partial<PublicDrawDocument>): RevealedDrawFacts | string {
  if (doc.status === 'committed') return '该抽查尚未公开种子（所抽检查未全部完成），目前只能看到种子摘要';
  if (doc.status === 'published-without-commitment') return '该抽查早于种子承诺制度，没有可核验的种子摘要';
  const { seed, commitment, inputs, visits, algorithm, jurisdiction } = doc;
  if (doc.status !== 'revealed' || !seed || !commitment || !inputs || !visits || !algorithm || !jurisdiction)
    return '不是已公开的抽查（应为 GET /public/draws/<抽查编号> 的 JSON，status 为 revealed）';
  return { seed, commitment, inputs: { ...inputs, algorithm, jurisdiction }, visits };
}

const LINES: readonly [keyof RevealedDrawCheck, string, string][] = [
  ['seedMatches', '种子的 SM3 摘要与抽取前公布的一致', '种子的 SM3 摘要与抽取前公布的不一致'],
  ['inputsMatch', '抽取条件与抽取前承诺的一致', '抽取条件与抽取前承诺的不一致'],
  ['resultMatches', '按公开的种子和条件重新抽取，抽中机构及顺序与公布的一致', '按公开的种子和条件重新抽取，结果与公布的不一致'],
];

/**
 * `verify --draw <file>`: an outsider's offline check of a revealed 双随机 draw from its public page
 * alone (ADR 0018): SM3(seed) against the digest published at the commitment, the inputs digest, and
 * a re-run of the institution draw. Exit 0 when all hold, 1 when one fails, 2 when the file is not a
 * revealed draw (unreadable, not JSON, only a commitment yet, or a draw from before commitments).
 */
export function verifyDrawFile(file: string, io: CliIo, json: boolean): number {
  let doc: Partial<PublicDrawDocument>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<PublicDrawDocument>;
  } catch (error) {
    io.err(`无法读取抽查文件 ${file}：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const facts = factsOf(doc);
  if (typeof facts === 'string') {
    io.err(`${file}：${facts}`);
    return 2;
  }
  const check = checkRevealedDraw(facts);
  const ok = check.seedMatches && check.inputsMatch && check.resultMatches;
  if (json) io.out(JSON.stringify({ drawId: doc.drawId ?? null, ok, ...check }, null, 2));
  else {
    io.out(`抽查 ${doc.drawId ?? '?'}（${facts.inputs.jurisdiction}）：${ok ? '核验通过' : '核验未通过'}`);
    for (const [key, yes, no] of LINES) io.out(`${check[key] ? '✓' : '✗'} ${check[key] ? yes : no}`);
  }
  return ok ? 0 : 1;
}
