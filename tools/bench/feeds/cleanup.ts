/**
 * What the feeds bench started, undone in reverse order whatever happens: each step runs even when
 * an earlier one failed, and the first failure is reported after all of them ran.
 */
export class Cleanup {
  private readonly steps: { label: string; run: () => unknown }[] = [];

  add(label: string, run: () => unknown): void {
    this.steps.push({ label, run });
  }

  async runAll(): Promise<void> {
    const failures: string[] = [];
    for (const { label, run } of this.steps.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        failures.push(`${label}: ${String(error)}`);
      }
    }
    if (failures.length > 0) console.error(`cleanup failed for ${failures.join('; ')}`);
  }
}
