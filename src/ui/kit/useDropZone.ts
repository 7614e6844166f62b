import { useState, type DragEvent } from 'react';

/**
 * A drop area's state and handlers: `over` while files are dragged over it, and `onFiles` with the dropped
 * files (the browser's own handling — opening the file — is prevented). Spread `handlers` on the element.
 */
export function useDropZone(onFiles: (files: FileList) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      onFiles(e.dataTransfer.files);
    },
  };
  return { over, handlers };
}
