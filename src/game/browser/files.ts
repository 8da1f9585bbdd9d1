/**
 * Browser glue for files: the file dialog, drag-and-drop onto the page, and downloads.
 * Everything read is handed on as text; nothing read is ever put into the DOM as markup.
 */

export interface PickedFile {
  name: string;
  text: string;
  /** Size in bytes when the file was too large to read (its text is then empty). */
  tooLarge?: number;
}

/** Largest file read in the browser; the loader refuses anything near this anyway. */
export const MAX_BYTES = 4 * 1024 * 1024;

async function readAll(files: ArrayLike<File>): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const f of Array.from(files)) {
    if (f.size > MAX_BYTES) {
      // Not read, and said so: an empty text alone would be reported as an empty file.
      out.push({ name: f.name, text: '', tooLarge: f.size });
      continue;
    }
    out.push({ name: f.name, text: await f.text() });
  }
  return out;
}

/** Opens the system file dialog, for scenario files (and their runbooks) unless told otherwise. */
export function openFileDialog(onFiles: (files: PickedFile[]) => void, accept = '.yaml,.yml,.md'): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = accept;
  input.style.display = 'none';
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) void readAll(input.files).then(onFiles);
    input.remove();
  });
  document.body.appendChild(input);
  input.click();
}

/** Calls `onFiles` for files dropped anywhere on the page; returns a function that stops listening. */
export function listenForDrops(onFiles: (files: PickedFile[]) => void, onHover?: (over: boolean) => void): () => void {
  const over = (e: DragEvent) => {
    e.preventDefault();
    onHover?.(true);
  };
  const leave = () => onHover?.(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    onHover?.(false);
    const files = e.dataTransfer?.files;
    if (files && files.length > 0) void readAll(files).then(onFiles);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}

/** Saves text as a file download. */
export function downloadText(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A fresh seed for a new run: the one place the shell may use a browser random source. */
export function freshSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] as number) % 1_000_000;
}
