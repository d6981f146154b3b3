import { z } from "zod";

export const roles = ["admin", "clinician"] as const;
export type Role = (typeof roles)[number];

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@clinic.com.").max(254, "That email address is too long."));

export const newPasswordInput = z
  .string()
  .min(12, "Use at least 12 characters: a short sentence is easy to remember.")
  .max(200, "Use at most 200 characters.");

const nameInput = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");

export const signInInput = z.object({
  email: emailInput,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

const passwordsMatch = {
  check: (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword,
  params: { message: "The two passwords do not match.", path: ["confirmPassword"] },
};
const confirmedPassword = { password: newPasswordInput, confirmPassword: z.string() };

export const setupInput = z
  .object({ name: nameInput, email: emailInput, ...confirmedPassword })
  .refine(passwordsMatch.check, passwordsMatch.params);
export type SetupInput = z.infer<typeof setupInput>;

export const newUserInput = z
  .object({ name: nameInput, email: emailInput, role: z.enum(roles), ...confirmedPassword })
  .refine(passwordsMatch.check, passwordsMatch.params);
export type NewUserInput = z.infer<typeof newUserInput>;

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), ...confirmedPassword })
  .refine(passwordsMatch.check, passwordsMatch.params);
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
