import { Field } from "./field";

type Props = {
  /** What the password is for: "Password", "New password", "Temporary password". */
  label?: string;
  /** The confirmation's label; "<label> again" unless the form words it differently. */
  againLabel?: string;
  errors: { password?: string[]; confirmPassword?: string[] };
};

/** A new password and its confirmation, posted as `password` and `confirmPassword`, for a password manager to fill. */
export function NewPasswordFields({ label = "Password", againLabel = `${label} again`, errors }: Props) {
  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        required
        errors={errors.password}
      />
      <Field
        label={againLabel}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
    </>
  );
}
