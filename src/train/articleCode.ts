/**
 * The source article's code, run as written, beside what it meant to compute (issue 14).
 * - Its "gradient" is `tape.gradient(model(train_x), layer.trainable_variables)`: TensorFlow
 *   differentiates the SUM of the softmax outputs, and each sample's outputs sum to 1, so that gradient
 *   is identically zero (up to float32 rounding): every weight is "below" any threshold T.
 * - Its "pruning" sets entries of those gradient tensors below T to 0: new tensors (copies); no weight
 *   is written, so accuracy and sparsity do not move.
 * The lab's score is the gradient of the cross-entropy loss, computed here on the same samples.
 */
import * as tf from '@tensorflow/tfjs';
import { measure } from './finetune';
import { readAndDispose } from './read';
import { logits, meanCrossEntropy, predict, readParams, type Mlp } from './model';
import type { ArticleCodeResult } from './jobs';
import type { DeviceData } from './trainer';

/** Runs the article's gradient and pruning steps on the training split, and measures both splits around them. */
export async function runArticleCode(model: Mlp, data: DeviceData, t: number): Promise<ArticleCodeResult> {
  const vars = model.layers.flatMap((l) => [l.kernel, l.bias]);
  const x = data.trainX;
  const perLayerMax = (f: () => tf.Scalar) =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(f, vars);
      return tf.stack(
        model.layers.map((l) => tf.maximum(tf.max(tf.abs(grads[l.kernel.name])), tf.max(tf.abs(grads[l.bias.name])))),
      );
    });
  const before = await measure(model, data);
  const paramsBefore = await readParams(model);
  const lossMax = perLayerMax(() => meanCrossEntropy(logits(model, x), data.trainOneHot));
  // The article's two steps: its gradient, then "grads[i][j].assign(0)" where |g| < T (on the copies).
  const counts = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => tf.sum(predict(model, x)), vars);
    const below = vars.map((v) => tf.sum(tf.cast(tf.less(tf.abs(grads[v.name]), t), 'float32')));
    vars.forEach((v) => tf.where(tf.less(tf.abs(grads[v.name]), t), tf.zerosLike(grads[v.name]), grads[v.name]));
    return tf.stack(below);
  });
  const articleMax = perLayerMax(() => tf.sum(predict(model, x)));
  const [articleMaxAbs, lossMaxAbs, below] = [
    await readAndDispose(articleMax),
    await readAndDispose(lossMax),
    await readAndDispose(counts),
  ];
  const after = await measure(model, data);
  const paramsAfter = await readParams(model);
  let changed = 0;
  paramsAfter.forEach((p, l) => {
    p.kernel.forEach((w, i) => (changed += Object.is(w, paramsBefore[l].kernel[i]) ? 0 : 1));
    p.bias.forEach((b, i) => (changed += Object.is(b, paramsBefore[l].bias[i]) ? 0 : 1));
  });
  const parameters = paramsBefore.reduce((a, p) => a + p.kernel.length + p.bias.length, 0);
  return {
    articleMaxAbs: Array.from(articleMaxAbs),
    lossMaxAbs: Array.from(lossMaxAbs),
    belowT: below.reduce((a, b) => a + b, 0),
    parameters,
    changed,
    before,
    after,
  };
}
