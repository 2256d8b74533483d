import { ChangeEvent } from 'react';
import { Field } from '../Field';
import { fileProblem, PUBLIC_FILE_ACCEPT, PUBLIC_FILES_MAX, sizeText } from './evidence';

interface FilePickerProps {
  readonly files: readonly File[];
  readonly onChange: (files: File[]) => void;
  /** How many more the ticket may take (9 minus what is already attached). */
  readonly room?: number;
  readonly error?: string | null;
  readonly onProblem: (problem: string | null) => void;
}

/** Photos and PDFs to attach: the phone offers its camera and gallery; each chosen file can be removed. */
export function FilePicker({ files, onChange, room = PUBLIC_FILES_MAX, error, onProblem }: FilePickerProps) {
  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    const problems = chosen.map(fileProblem).filter((problem): problem is string => problem !== null);
    const fitting = chosen.filter((file) => fileProblem(file) === null);
    const next = [...files, ...fitting].slice(0, room);
    if (files.length + fitting.length > room) problems.push(`最多可上传 ${room} 个文件，多出的未添加`);
    onProblem(problems.length ? problems.join('；') : null);
    onChange(next);
  };
  return (
    <>
      <Field label="上传材料（可选）" hint={`照片、截图或 PDF，每个不超过 10 MB，最多 ${room} 个`} error={error}>
        <input type="file" accept={PUBLIC_FILE_ACCEPT} multiple onChange={add} disabled={files.length >= room} />
      </Field>
      {files.length > 0 ? (
        <ul className="file-list" aria-label="已选择的文件">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>
                {file.name}（{sizeText(file.size)}）
              </span>
              <button type="button" className="link-button" onClick={() => onChange(files.filter((_, i) => i !== index))}>
                移除<span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
