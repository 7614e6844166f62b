/**
 * The URL parameters of the networks the e2e tests share: each is trained once per test run (see
 * `TrainedRuns` in fixtures.ts) and imported by `LabPage.openTrained`. WASM trains them in seconds here.
 */
export const MNIST_RUN = '?backend=wasm#dataset=mnist&epochs=1&batch=64&lr=0.003';
export const SYNTH_RUN = '?backend=wasm#dataset=synthetic-32&epochs=3&batch=64&lr=0.01&seed=4';
