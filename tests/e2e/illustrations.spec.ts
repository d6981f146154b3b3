import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createExercise, createPatient, signIn, startFromTemplate, unique } from "./helpers";

const { defaultBrowserType: _engine, ...iPhone } = devices["iPhone 13"];
void _engine;

/** Every page of a PDF as raw RGB pixels (pdftoppm's PPM output: a short text header, then the bytes). */
function renderPages(pdf: Buffer, dir: string): { width: number; height: number; data: Buffer }[] {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "handout.pdf");
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "50", file, path.join(dir, "page")]);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ppm"))
    .sort()
    .map((f) => {
      const bytes = readFileSync(path.join(dir, f));
      const header = bytes
        .subarray(0, 40)
        .toString("latin1")
        .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
      return { width: Number(header[1]), height: Number(header[2]), data: bytes.subarray(header[0].length) };
    });
}

/** The box around the pixels that differ between two renders of one page, or null when none do. */
function changedBox(a: { width: number; data: Buffer }, b: { data: Buffer }) {
  let box: { left: number; right: number; top: number; bottom: number } | null = null;
  for (let i = 0; i < a.data.length; i += 3) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) < 30)
      continue;
    const x = (i / 3) % a.width;
    const y = Math.floor(i / 3 / a.width);
    box = box
      ? { left: Math.min(box.left, x), right: Math.max(box.right, x), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y) }
      : { left: x, right: x, top: y, bottom: y };
  }
  return box;
}

const pdftotext = (pdf: Buffer, dir: string) => {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "text.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
};

const drawingOf = (page: Page, name: string) =>
  page.getByRole("article", { name: new RegExp(`^\\d+ ${name}$`) }).locator("img.exercise-drawing");

/** The drawing's image as the phone loaded it: shown, and its SVG (fetched again with the phone's context). */
async function phoneDrawingSvg(page: Page, name: string): Promise<string> {
  const image = drawingOf(page, name);
  await expect(image).toBeVisible();
  // Drawings below the first two load lazily, as the patient scrolls to them.
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const response = await page.request.get(new URL((await image.getAttribute("src"))!, page.url()).href);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  return response.text();
}

test("a pose changed from the keyboard shows on the patient's phone and in the printed handout", async ({ page, browser }) => {
  test.setTimeout(120_000);
  mkdirSync(e2e.screenshots, { recursive: true });
  await signIn(page, admin.email, admin.password);
  const name = unique("Arm Raise");
  const exerciseUrl = await createExercise(page, name);

  // A drawing from a starting pose, published so the builder's picker offers it.
  await page.getByLabel("Start from").selectOption("standing");
  await page.getByRole("button", { name: "Add a drawing" }).click();
  await expect(page.getByLabel("Description for screen readers (alt text)")).toHaveValue(`Start and finish positions of ${name}`);
  await page.getByRole("radio", { name: "Published", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Staff can fetch it as SVG; another exercise without a drawing answers 404.
  const id = exerciseUrl.match(/exercises\/(\d+)/)![1];
  const svg = await page.request.get(`/api/exercises/${id}/illustration.svg`);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain(`Start and finish positions of ${name}`);
  const bare = (await createExercise(page, unique("No Drawing"))).match(/exercises\/(\d+)/)![1];
  expect((await page.request.get(`/api/exercises/${bare}/illustration.svg`)).status()).toBe(404);

  // A routine with it, and a link the patient opens on a phone.
  const patient = unique("Ray Reacher");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  const routineUrl = page.url();
  await page.getByLabel("Find an exercise").fill(name);
  await page.getByRole("button", { name: `Add ${name}` }).click();
  await page.getByRole("button", { name: "Save routine" }).click();
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();
  await expect(page.getByTestId("routine-item").last().locator("svg.thumb")).toBeVisible();
  await page.screenshot({ path: path.join(e2e.screenshots, "illustration-builder.png") });
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill("phone");
  await panel.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();

  const phone = await (await browser.newContext({ ...iPhone })).newPage();
  await phone.goto(link);
  const phoneBefore = await phoneDrawingSvg(phone, name);
  const phoneDrawing = drawingOf(phone, name);
  expect((await phoneDrawing.boundingBox())!.width).toBeGreaterThanOrEqual(300);
  expect(phoneBefore).toMatch(/>Start<\/text>.*>Finish<\/text>/);
  await expect(phoneDrawing).toHaveAttribute("alt", `Start and finish positions of ${name}`);
  // Only for an active link, and only where an item has a drawing.
  expect((await phone.request.get(`${link}/drawings/999`)).status()).toBe(404);
  expect((await phone.request.get(`${link.slice(0, -4)}AAAA/drawings/0`)).status()).toBe(404);
  const routineId = routineUrl.match(/routines\/(\d+)/)![1];
  const pdfBefore = await (await page.request.get(`/api/routines/${routineId}/handout.pdf`)).body();

  // From the keyboard only: the Finish frame, the right arm raised forward by its number field, then its slider.
  await page.goto(exerciseUrl);
  await page.getByRole("button", { name: "Finish", exact: true }).click();
  await page.getByText("Right arm", { exact: true }).click();
  const field = page.getByRole("spinbutton", { name: "right arm forward and up (+) / back (−)" });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("150");
  const slider = page.getByRole("slider", { name: "right arm forward and up (+) / back (−)" });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(field).toHaveValue("151");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const editor = page.getByRole("region", { name: "Illustration" });
  await editor.screenshot({ path: path.join(e2e.screenshots, "illustration-editor.png") });

  // The editor on a phone-sized screen, too.
  const small = await (await browser.newContext({ ...iPhone })).newPage();
  await small.context().addCookies(await page.context().cookies());
  await small.goto(exerciseUrl);
  await small.getByRole("heading", { name: "Illustration" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
  await small.screenshot({ path: path.join(e2e.screenshots, "illustration-editor-phone.png") });

  await phone.reload();
  expect(await phoneDrawingSvg(phone, name)).not.toBe(phoneBefore);
  await phoneDrawing.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(e2e.screenshots, "illustration-phone.png") });

  // The handout: the same words, and pixels that changed only where the picture is.
  const pdfAfter = await (await page.request.get(`/api/routines/${routineId}/handout.pdf`)).body();
  const dir = test.info().outputDir;
  expect(pdftotext(pdfAfter, dir)).toBe(pdftotext(pdfBefore, dir));
  const before = renderPages(pdfBefore, path.join(dir, "before"));
  const after = renderPages(pdfAfter, path.join(dir, "after"));
  expect(after.length).toBe(before.length);
  const changes = before.map((page, i) => changedBox(page, after[i]!)).filter((box) => box !== null);
  expect(changes).toHaveLength(1);
  const changedPage = before.findIndex((page, i) => changedBox(page, after[i]!) !== null) + 1;
  const shot = path.join(dir, "shot.pdf");
  writeFileSync(shot, pdfAfter);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    String(changedPage),
    "-l",
    String(changedPage),
    "-singlefile",
    shot,
    path.join(e2e.screenshots, "handout-illustrated"),
  ]);
  const [box] = changes;
  // One picture's worth: well under half the page across, and not the whole page down.
  expect(box!.right - box!.left).toBeLessThan(before[0]!.width * 0.5);
  expect(box!.bottom - box!.top).toBeLessThan(before[0]!.height * 0.5);
});
