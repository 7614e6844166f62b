/** A short statement of what the lab computes. */
export function HowItWorks() {
  return (
    <details className="panel how" data-testid="how">
      <summary>How it works</summary>
      <p>
        The network (Dense 64 relu → Dense 32 relu → Dense 10 softmax, Glorot-uniform initial weights, Adam,
        cross-entropy) trains in a Web Worker with TensorFlow.js. After training, a <em>scoring pass</em> runs the
        training set once more with the weights frozen and averages, for every weight, |∂L/∂w| and (∂L/∂w)² over the
        mini-batches. The article’s pruning rule is <strong>|∂L/∂w| &lt; T ⇒ w := 0</strong>.
      </p>
      <p>
        The slider prunes live: every weight whose score is below T is masked to 0, and the network is re-evaluated
        on the validation set at once, in the frame of your input (in WebAssembly SIMD where the browser has it, else
        plain TypeScript, with the same numbers; only the weights whose mask flipped are re-applied to the first
        layer), and on the training set in a worker as soon as the slider rests. Grey cells in the heatmaps are pruned
        weights. <em>Fine-tune</em>{' '}
        trains the pruned network for two more epochs with the mask enforced, so pruned weights stay exactly 0.
      </p>
      <p>
        Gradients are of the <em>loss</em>, not of the model output. At a trained minimum the expected gradient is
        close to zero for every weight, so a small |∂L/∂w| does not by itself mean the weight is unimportant; the lab
        compares the criterion with weight magnitude and Taylor/Fisher scores.
      </p>
    </details>
  );
}
