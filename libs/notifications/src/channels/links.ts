/** The console path as a link people can open from outside (e-mail, robots); the path alone without a base. */
export function absoluteLink(base: string | null, path: string): string {
  if (!base) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
