/** A form's or a section's error in plain words, announced when it appears; nothing when there is none. */
export function ErrorLine({ error }: { error: string | null | undefined }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}
