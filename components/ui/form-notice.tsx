/** The form-level message after a submit: an error (announced) or a confirmation. */
export function FormNotice({ error, success }: { error?: string; success?: string }) {
  if (error) {
    return (
      <p className="notice error" role="alert" data-testid="form-error">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p className="notice ok" role="status">
        {success}
      </p>
    );
  }
  return null;
}
