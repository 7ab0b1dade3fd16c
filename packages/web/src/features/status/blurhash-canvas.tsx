import { decode } from 'blurhash';
import { useEffect, useRef } from 'react';

const SIZE = 32;

/** A blurhash painted small and stretched by CSS: the colours of an image without showing it. */
export function BlurhashCanvas({ hash, className }: { hash: string; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    try {
      const image = context.createImageData(SIZE, SIZE);
      image.data.set(decode(hash, SIZE, SIZE));
      context.putImageData(image, 0, 0);
    } catch {
      /* not a valid blurhash: leave the plain background */
    }
  }, [hash]);
  return <canvas ref={ref} width={SIZE} height={SIZE} className={className} />;
}
