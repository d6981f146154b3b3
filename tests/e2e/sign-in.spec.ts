import { expect, test } from "@playwright/test";
import { adminCreatesAccount, admin, openAs, submitSignIn, uniqueEmail } from "./helpers";

const generic = "That email and password do not match an active account.";

test("a wrong password and an unknown email get the same message, and the email stays typed", async ({ page }) => {
  for (const email of [admin.email, uniqueEmail("nobody")]) {
    await page.goto("/login");
    await submitSignIn(page, email, "not the password");
    await expect(page.getByTestId("form-error")).toHaveText(generic);
    await expect(page.getByLabel("Email")).toHaveValue(email);
  }
});

test("after 10 failed attempts an account is locked for 15 minutes, even with the right password", async ({ page, browser }) => {
  const victim = await adminCreatesAccount(page, "Locked Out");
  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto("/login");
  for (let i = 0; i < 10; i++) {
    await submitSignIn(attacker, victim.email, `guess number ${i}`);
    await expect(attacker.getByTestId("form-error")).toHaveText(generic);
  }
  await submitSignIn(attacker, victim.email, victim.password);
  await expect(attacker.getByTestId("form-error")).toHaveText(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
  await expect(attacker).toHaveURL(/\/login/);
  await attacker.context().close();
});

test("disabling an account ends its sessions at once", async ({ page, browser }) => {
  const leaver = await adminCreatesAccount(page, "Lee Leaver");
  const theirs = await openAs(browser, leaver);
  await expect(theirs.getByTestId("signed-in-user")).toContainText(leaver.name);

  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Disable ${leaver.name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(leaver.email) }).getByText("Disabled")).toBeVisible();

  await theirs.goto("/admin/exercises");
  await expect(theirs).toHaveURL(/\/login/);
  await submitSignIn(theirs, leaver.email, leaver.password);
  await expect(theirs.getByTestId("form-error")).toHaveText(generic);
  await theirs.context().close();
});

test("changing a password keeps this session and ends the others", async ({ page, browser }) => {
  const person = await adminCreatesAccount(page, "Pat Password");
  const onLaptop = await openAs(browser, person);
  const onPhone = await openAs(browser, person);

  await onLaptop.goto("/admin/settings");
  await onLaptop.getByLabel("Current password").fill("wrong current");
  await onLaptop.getByLabel("New password", { exact: true }).fill("second password 12");
  await onLaptop.getByLabel("New password again").fill("second password 12");
  await onLaptop.getByRole("button", { name: "Change password" }).click();
  await expect(onLaptop.getByText("Your current password is not right.").first()).toBeVisible();
  await expect(onLaptop.getByLabel("New password", { exact: true })).toHaveValue("second password 12");

  await onLaptop.getByLabel("Current password").fill(person.password);
  await onLaptop.getByRole("button", { name: "Change password" }).click();
  await expect(onLaptop.getByRole("status")).toContainText("Password changed");

  await onPhone.goto("/admin");
  await expect(onPhone).toHaveURL(/\/login/);
  await onLaptop.goto("/admin");
  await expect(onLaptop.getByTestId("signed-in-user")).toContainText(person.name);
  await Promise.all([onLaptop.context().close(), onPhone.context().close()]);
});
