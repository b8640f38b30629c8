/** An averaged multi-class perceptron over string features: trained once, then stored as a small weight table. */

export class AveragedPerceptron {
  readonly classes: string[];
  readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(classes: string[]) {
    this.classes = classes;
  }

  /** Adds each feature's weights into `scores` (length = number of classes). */
  score(features: string[], scores: Float64Array): Float64Array {
    scores.fill(0);
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < w.length; c++) scores[c]! += w[c]!;
    }
    return scores;
  }

  /** One training example: moves weight from the guessed class to the true one when they differ. */
  /** One step; `rate` below 1 lets a less trusted example move the weights less. */
  update(truth: number, guess: number, features: string[], rate = 1): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      this.bump(f, truth, rate);
      this.bump(f, guess, -rate);
    }
  }

  private bump(feature: string, c: number, delta: number): void {
    const k = this.classes.length;
    let w = this.weights.get(feature);
    if (!w) {
      w = new Float64Array(k);
      this.weights.set(feature, w);
      this.totals.set(feature, new Float64Array(k));
      this.stamps.set(feature, new Float64Array(k));
    }
    const totals = this.totals.get(feature)!;
    const stamps = this.stamps.get(feature)!;
    totals[c]! += (this.instances - stamps[c]!) * w[c]!;
    stamps[c] = this.instances;
    w[c]! += delta;
  }

  /** Replaces each weight by its average over all training steps (the usual cure for perceptron over-fitting). */
  average(): void {
    for (const [f, w] of this.weights) {
      const totals = this.totals.get(f)!;
      const stamps = this.stamps.get(f)!;
      for (let c = 0; c < w.length; c++) {
        const total = totals[c]! + (this.instances - stamps[c]!) * w[c]!;
        w[c] = total / this.instances;
      }
    }
    this.totals.clear();
    this.stamps.clear();
  }
}
