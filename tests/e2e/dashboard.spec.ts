import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e } from "./servers";
import { admin, signIn } from "./helpers";

test("the admin dashboard counts the starter library and lists the template; every area opens", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: /Hello, Avery/ })).toBeVisible();
  const exercises = Number(await page.getByTestId("count-exercises").locator(".value").textContent());
  expect(exercises).toBeGreaterThanOrEqual(30);
  // Other tests add patients to the same server as they run: a count, whatever it is by now.
  await expect(page.getByTestId("count-patients").locator(".value")).toHaveText(/^\d+$/);
  await expect(page.getByRole("link", { name: "Upper back pain — mobility", exact: true })).toBeVisible();
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(e2e.screenshots, "dashboard.png") });

  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { name: "Exercises" })).toBeVisible();
  for (const name of ["Arm Circles", "Cat-Cow", "Doorway Chest Stretch", "Open Book Rotation"]) {
    await expect(page.getByRole("table", { name: "Exercise library" }).getByRole("link", { name, exact: true })).toBeVisible();
  }
  expect(Number((await page.getByTestId("result-count").textContent())?.split(" ")[0])).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: path.join(e2e.screenshots, "exercises.png") });

  await nav.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Upper back pain — mobility" })).toBeVisible();
  await expect(page.getByText("Mobility — 4 exercises")).toBeVisible();
  for (const area of ["Patients", "Routines", "Settings", "Users"]) {
    await nav.getByRole("link", { name: area }).click();
    await expect(page.getByRole("heading", { name: area, level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: area })).toHaveAttribute("aria-current", "page");
  }
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
});
