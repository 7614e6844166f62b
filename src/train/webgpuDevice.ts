/**
 * Our own registration of the tfjs WebGPU backend (the same steps as the package's, in
 * tfjs-backend-webgpu/dist/base.js) so that the app sees its GPUDevice: a lost device is reported,
 * and the backend can be registered again to recover. Tests destroy the device to inject a loss.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

export interface DeviceLoss {
  reason: string;
  message: string;
}

let onLost: (loss: DeviceLoss) => void = () => {};
let current: GPUDevice | null = null;

/** Called once per lost device (after the loss, not during start-up). */
export function onDeviceLost(cb: (loss: DeviceLoss) => void): void {
  onLost = cb;
}

async function createBackend(): Promise<WebGPUBackend> {
  const adapter = await navigator.gpu.requestAdapter({
    powerPreference: tf.env().getBool('WEBGPU_USE_LOW_POWER_GPU') ? 'low-power' : 'high-performance',
  });
  if (!adapter) throw new Error('no WebGPU adapter');
  const requiredFeatures: GPUFeatureName[] = [];
  if (adapter.features.has('timestamp-query')) requiredFeatures.push('timestamp-query');
  if (adapter.features.has('bgra8unorm-storage')) requiredFeatures.push('bgra8unorm-storage');
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    requiredFeatures,
    requiredLimits: {
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
    },
  });
  current = device;
  void device.lost.then((info) => {
    if (current === device)
      onLost({ reason: info.reason ?? 'unknown', message: info.message || 'the GPU device was lost' });
  });
  return new WebGPUBackend(device, adapter.info);
}

/** Replaces the package's factory with ours (same priority), or re-registers it after a loss. */
export function registerWebGPU(): void {
  if (typeof navigator === 'undefined' || !navigator.gpu) return;
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', createBackend, 3);
}

/**
 * Whether a job's failure is the device loss itself (a pending readback fails before `lost` resolves):
 * waits briefly for the current device's `lost` promise. The loss is reported separately, once.
 */
export function failedFromDeviceLoss(waitMs = 300): Promise<boolean> {
  const device = current;
  if (!device) return Promise.resolve(false);
  return Promise.race([device.lost.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), waitMs))]);
}

/** Test hook: destroys the current device, as a driver reset or a lost GPU would. */
export function destroyDeviceForTest(): boolean {
  if (!current) return false;
  current.destroy();
  return true;
}

/** Forgets the lost device and registers a fresh factory, so the next setBackend creates a new one. */
export function resetWebGPU(): void {
  current = null;
  registerWebGPU();
}
