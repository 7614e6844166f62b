/** Fine-tuning defaults (no tfjs here, so the main thread can import them). */
export const FINETUNE_EPOCHS = 2;
export const FINETUNE_LR_FACTOR = 0.1;
