import { expect, test } from "@playwright/test";
import { admin, createPatient, signIn, startFromTemplate, unique } from "./helpers";

test.beforeEach(async ({ page }) => signIn(page, admin.email, admin.password));

const table = (page: import("@playwright/test").Page) => page.getByRole("table", { name: "Exercise library" });

test("search ranks matches as you type, and lives in the URL", async ({ page }) => {
  await page.goto("/admin/exercises");
  const search = page.getByLabel("Search");
  // "/" works once the page is interactive: retry until hydration has wired it up.
  await expect(async () => {
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass();
  await expect(search).toHaveValue("");

  await page.keyboard.type("cat");
  await expect(page).toHaveURL(/[?&]q=cat\b/);
  await expect(table(page).getByRole("link", { name: "Cat-Cow", exact: true })).toBeVisible();
  await expect(table(page).getByRole("link", { name: "Desk Cat-Cow" })).toBeVisible();
  await expect(table(page).getByRole("link", { name: "Wall Angels" })).toHaveCount(0);

  // A word that only appears inside steps or cues still finds the exercise; a prefix is enough.
  await page.getByLabel("Search").fill("right ang");
  await expect(page).toHaveURL(/q=right\+ang/);
  await expect(table(page).getByRole("link", { name: "Doorway Chest Stretch" })).toBeVisible();

  await page.getByLabel("Search").fill("zzqx");
  await expect(page.getByRole("heading", { name: "No exercises match" })).toBeVisible();
});

test("filters combine with the search, can be bookmarked, and the back button restores them", async ({ page }) => {
  await page.goto("/admin/exercises");
  await page.getByLabel("Category").selectOption("stretch");
  await expect(page).toHaveURL(/category=stretch/);
  await page.getByLabel("Body region").selectOption("neck");
  await expect(page).toHaveURL(/category=stretch.*region=neck|region=neck.*category=stretch/);
  const rows = table(page).locator("tbody tr");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i)).toContainText("Stretch");
    await expect(rows.nth(i)).toContainText("Neck");
  }

  await page.goBack();
  await expect(page).toHaveURL(/category=stretch$/);
  await expect(page.getByLabel("Body region")).toHaveValue("");

  // A bookmarked view opens as it was left.
  await page.goto("/admin/exercises?q=rollout&equipment=foam-roller");
  await expect(page.getByLabel("Search")).toHaveValue("rollout");
  await expect(page.getByLabel("Equipment")).toHaveValue("foam-roller");
  await expect(table(page).getByRole("link", { name: "Upper Back Rollout" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText(/^1 exercise/);
});

test("the list pages through the library and works from the keyboard", async ({ page }) => {
  await page.goto("/admin/exercises");
  await expect(page.getByText(/Page 1 of [2-9]/)).toBeVisible();
  await page.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of/)).toBeVisible();

  // Tab from the search box reaches the rows' links; Enter opens the exercise.
  await page.goto("/admin/exercises?q=wall+angels");
  await page.getByLabel("Search").focus();
  const link = table(page).getByRole("link", { name: "Wall Angels" });
  for (let i = 0; i < 12 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Wall Angels" })).toBeVisible();
});

test("search forgives: a typo gets “Did you mean”, clinical words find the plain-worded exercises, in the library and the picker", async ({
  page,
}) => {
  await page.goto("/admin/exercises");
  await page.getByLabel("Search").fill("thorasic");
  const didYouMean = page.getByTestId("did-you-mean");
  await expect(didYouMean).toContainText("Nothing matches “thorasic”. Did you mean thoracic?");
  await expect(table(page).getByRole("link", { name: "Thoracic Spine Release" })).toBeVisible();
  await page.screenshot({ path: "test-results/did-you-mean-desktop.png" });
  await didYouMean.getByRole("link", { name: "thoracic" }).click();
  await expect(page).toHaveURL(/q=thoracic\b/);
  await expect(page.getByTestId("result-count")).toContainText("matching “thoracic”");

  await page.goto("/admin/exercises?q=rhomboid");
  await expect(table(page).getByRole("link", { name: "Scapular Retraction (Shoulder Blade Squeeze)" })).toBeVisible();
  await page.goto("/admin/exercises?q=cervical");
  await expect(table(page).getByRole("link", { name: "Neck Rolls" })).toBeVisible();
  await page.goto("/admin/exercises?q=traps");
  await expect(table(page).getByRole("link", { name: "Upper Trapezius Stretch" })).toBeVisible();
  // Body regions cover the whole body.
  for (const region of ["Knees", "Ankles", "Feet", "Elbows", "Wrists"])
    await expect(page.getByLabel("Body region").getByRole("option", { name: region })).toHaveCount(1);

  const patient = unique("Pat Typo");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  // Scapular Clocks: an exercise no other test archives (the editor's test archives Levator for a while).
  await page.getByLabel("Find an exercise").fill("scapulr clocks");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem").first()).toContainText("Scapular Clocks");
  await expect(page.locator(".picker")).toContainText(
    /Nothing matches “scapulr clocks”\. Did you mean scapular clocks\? 1 published exercise(?!s)/,
  );
  await page.getByRole("button", { name: "scapular clocks", exact: true }).click();
  await expect(page.getByLabel("Find an exercise")).toHaveValue("scapular clocks");
});
