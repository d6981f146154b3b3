import path from "node:path";
import { createClient } from "@libsql/client";
import { expect, type Browser, type Page } from "@playwright/test";
import { e2e } from "./servers";

export const admin = e2e.admin;

/** A unique, valid email for accounts a test creates, so tests never depend on each other. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}

/** Fills and sends the sign-in form on the current page, whatever the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string, baseURL = e2e.main.url): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/admin/);
}

export type Account = { name: string; email: string; password: string; role?: "clinician" | "admin" };

/** A page in a browser context of its own (its own cookies: another person or device), signed in. */
export async function openAs(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account.email, account.password);
  return page;
}

/** Creates an account through the admin's Users page, as an admin would. */
export async function createAccount(page: Page, account: Account) {
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create account" }) });
  await form.getByLabel("Name").fill(account.name);
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Role").selectOption(account.role ?? "clinician");
  await form.getByLabel("Temporary password").fill(account.password);
  await form.getByLabel("Password again").fill(account.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`Account created for ${account.name}`);
}

/** Signs the admin in on `page` and creates a fresh account for the test, returned with its password. */
export async function adminCreatesAccount(page: Page, name: string, role: Account["role"] = "clinician"): Promise<Account> {
  await signIn(page, admin.email, admin.password);
  const account = { name, email: uniqueEmail(name.split(" ")[0]!.toLowerCase()), password: `${name} password 1`, role };
  await createAccount(page, account);
  return account;
}

export const unique = (name: string) => `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Creates a minimal draft exercise through the editor and leaves the page on it. */
export async function createExercise(page: Page, name: string): Promise<string> {
  await page.goto("/admin/exercises/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("One-line summary").fill("A gentle test exercise.");
  await page.getByRole("textbox", { name: "Step 1", exact: true }).fill("Sit tall.");
  await page.getByRole("checkbox", { name: "Upper back" }).check();
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByRole("status")).toContainText("Exercise created.");
  return page.url();
}

/** Creates a patient through the Patients page (other fields by their labels) and leaves the page on them. */
export async function createPatient(page: Page, name: string, fields: Record<string, string> = {}) {
  await page.goto("/admin/patients/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByLabel("Display name").fill(name);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** From a patient's page: a new routine copied from the starter template. */
export async function startFromTemplate(page: Page, patient: string) {
  await page.getByRole("link", { name: "New routine", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New routine" })).toBeVisible();
  await expect(page.getByLabel("Patient")).toHaveValue(/\d+/);
  await page.getByLabel("Template: Upper back pain — mobility").check();
  await page.getByRole("button", { name: "Create routine" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Upper back pain — mobility" })).toBeVisible();
  await expect(page.getByText(`For ${patient}`)).toBeVisible();
}

/** The e2e server's own database file: for what a browser cannot do, such as moving a clock. */
export async function withServerDatabase<T>(work: (client: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${path.join(__dirname, "..", ".tmp", `e2e-${e2e.main.port}`, "main", "app.db")}` });
  try {
    await client.execute("PRAGMA busy_timeout = 5000"); // the server writes to the same file: wait, don't fail
    return await work(client);
  } finally {
    client.close();
  }
}
