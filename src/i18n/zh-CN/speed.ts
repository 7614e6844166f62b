/** 简体中文：剪枝带来了什么（实测推理速度与导出大小）。 */
import type { speed as en } from '../en/speed';

export const speed: Record<keyof typeof en, string> = {
  'speed.title': '剪枝带来了什么：实测',
  'speed.lead':
    '在稠密矩阵乘法里把权重置零什么也省不下：乘加照样执行。稀疏格式（CSR：只存活权重及其索引）可以跳过它们，但每次乘加都比稠密的更贵。这里两者都在本浏览器中、同一个 WebAssembly 引擎里、用真实的验证样本运行，你可以看到从多大的稀疏度起剪枝才划算。',
  'speed.measure': '测量速度与大小',
  'speed.measure.help':
    '按当前的剪枝准则、范围和粒度，在 {levels} 的稀疏度下分别计时一次预测（批量 1：网页要等的时间）和一批 256 个样本（吞吐量）：剪枝后的网络以稠密矩阵和 CSR 两种方式轮流计时，使两者处在同样的机器状态下。所有稀疏度共测 {rounds} 轮，每轮每个稀疏度 {samples} 组成对采样：每个点取合并后加速比的中位数，并以色带显示其离散范围，因此一时的干扰只会加宽某个点的色带，而不会移动它。先在训练后端上为同一网络计时 TensorFlow.js 的 predict。然后生成每种导出格式，在浏览器中用 gzip 压缩并解码回来，评估解码后的网络。需要几秒钟；请让此标签页保持在前台。',
  'speed.measuring': '测量中：第 {done} 步，共 {total} 步（{rounds} 轮，每轮 {levels} 个稀疏度）',
  'speed.measuring.tfjs': '正在 {backend} 上计时 TensorFlow.js predict…',
  'speed.waitTraining': '请先训练（或打开）一个网络。',
  'speed.error': '测量失败：{detail}',
  'speed.tfjs.busy': '未能计时 TensorFlow.js predict：训练 worker 正忙（等它的任务结束后再测一次）。',
  'speed.tfjs.error': '无法计时 TensorFlow.js predict：{detail}',
  'speed.stale': '这是按 {criterion}、{scope}、{granularity} 测得的；之后设置已更改。请重新测量。',
  'speed.chart.b1': '一次预测（批量 1）',
  'speed.chart.b256': '一批 256 个',
  'speed.axis': '相对稠密的加速比',
  'speed.line.csr': '稀疏（CSR）',
  'speed.line.dense': '稠密，同一引擎',
  'speed.line.stripped': '更小的稠密网络（已移除单元）',
  'speed.line.tfjs': 'TensorFlow.js predict（{backend}）',
  'speed.line.band': '稀疏：加速比的第 10–90 百分位',
  'speed.breakEven': '盈亏点 {span}',
  'speed.summary.between':
    '{batch}：稀疏路径在稀疏度 {from} 到 {to} 之间变得比稠密路径快（{from} 时整个离散范围低于 1×，{to} 时整个高于 1×）；{top} 时为 {times}。',
  'speed.summary.always':
    '{batch}：在所有测得的稀疏度下，稀疏路径都比稠密路径快，整个离散范围都高于 1×（{top} 时为 {times}）。',
  'speed.summary.never':
    '{batch}：在所有测得的稀疏度下，稀疏路径都比稠密路径慢，整个离散范围都低于 1×（{top} 时为 {times}）。',
  'speed.summary.unclear':
    '{batch}：没有明确的盈亏点：在稀疏度 {span} 范围内，离散范围跨过了 1×（{top} 时为 {times}）。',
  'speed.summary.unclear.at': '{batch}：没有明确的盈亏点：稀疏度 {at} 时，离散范围跨过了 1×（{top} 时为 {times}）。',
  'speed.summary.mixed':
    '{batch}：没有明确的盈亏点：在稀疏度 {span} 范围内测量结果自相矛盾（在较低稀疏度明显更快，在较高稀疏度反而明显更慢），说明测量受到了干扰；请重新测量。{top} 时为 {times}。',
  'speed.summary.tfjs':
    '{backend} 上的 TensorFlow.js predict：每次调用 {ms} 毫秒（{n} 次采样中 {lo}–{hi} 毫秒），比本引擎的稠密路径{verdict}。',
  'speed.note':
    '每个点是 {samples} 组成对采样加速比的中位数：所有稀疏度共测 {rounds} 轮，每轮 {perRound} 组，稀疏与稠密路径轮流计时，所以每组的比值都是在同一时刻测得的；色带覆盖它们的第 10 到第 90 百分位。只有当某个稀疏度下整个色带低于 1×、而更高的某个稀疏度下整个色带高于 1× 时，才给出盈亏点，并且给出的是两者之间的区间；单个受干扰的采样只会加宽色带，不会造出一个盈亏点。用时 {s} 秒。',
  'speed.table.caption': '每次调用的时间，中位数（第 10–90 百分位）',
  'speed.col.sparsity': '稀疏度',
  'speed.col.batch': '批量',
  'speed.col.dense': '稠密',
  'speed.col.csr': 'CSR',
  'speed.col.stripped': '更小的稠密网络',
  'speed.col.speedup': '加速比（第 10–90 百分位）',
  'speed.ms': '{ms} 毫秒',
  'speed.check': '已核对：每个测得批次上，稀疏与稠密的 logits 相差不超过 {diff}（{engine}）。',
  'speed.check.exact': '已核对：每个测得批次上，稀疏与稠密路径给出完全相同的 logits（{engine}）。',
  'speed.engine.wasm': 'WebAssembly SIMD',
  'speed.engine.js': '纯 JavaScript（此浏览器不支持 WebAssembly SIMD）',
  'speed.current':
    '推理，本机实测：每次预测稀疏 <b>{sparse} 毫秒</b>，稠密 <b>{dense} 毫秒</b>，{verdict}；一批 256 个：{sparse256} 对 {dense256} 毫秒，{verdict256}。',
  'speed.current.stripped':
    '推理，本机实测：每次预测稀疏 <b>{sparse} 毫秒</b>，稠密 <b>{dense} 毫秒</b>，{verdict}；更小的稠密网络 {shapes}：<b>{stripped} 毫秒</b>。一批 256 个：{sparse256} 对 {dense256} 毫秒，{verdict256}。',
  'speed.faster': '快 {times} 倍',
  'speed.slower': '慢 {times} 倍',
  'speed.times.spread': '{times}×（{lo}–{hi}×）',
  'speed.faster.spread': '快 {times} 倍（{n} 组成对采样中为 {lo}–{hi}×）',
  'speed.slower.spread': '慢 {times} 倍（{n} 组成对采样中为 {lo}–{hi}×）',
  'speed.even.spread': '没有明显差别（{n} 组成对采样中加速比为 {lo}–{hi}×）',
  'speed.current.label': '推理',
  'speed.current.help':
    '滑块停下后在评估 worker 中计时：剪枝后的网络以 CSR 运行，与以稠密矩阵存放的相同权重在同一引擎中比较，两者各轮流计时 5 次：加速比取 5 组成对比值的中位数，范围为其最低到最高值；当该范围包含 1× 时不下结论。下方“剪枝带来了什么”会测量所有稀疏度、TensorFlow.js 以及导出大小。',
  'sizes.title': '导出大小',
  'sizes.lead':
    '剪枝后网络的每种格式都生成为文件：实测字节数、在本浏览器中用 gzip 压缩后的大小（CompressionStream，即网页服务器发送的大小），以及文件解码后的网络在验证集上的准确率。',
  'sizes.caption': '在 {sparsity} 稀疏度（{criterion}）下测得',
  'sizes.col.format': '权重',
  'sizes.col.layout': '布局',
  'sizes.col.loader': '加载方式',
  'sizes.col.bytes': '文件',
  'sizes.col.gzip': 'gzip',
  'sizes.col.ratio': 'gzip 后相对 float32 文件',
  'sizes.col.accuracy': '验证准确率',
  'sizes.format.float32': 'float32',
  'sizes.format.float16': 'float16',
  'sizes.format.int8-layer': '8 位，按层',
  'sizes.format.int8-unit': '8 位，按单元',
  'sizes.layout.dense': '稠密',
  'sizes.layout.csr': 'CSR',
  'sizes.loader.tfjs': 'tf.loadLayersModel',
  'sizes.loader.lab': '本实验室的解码器',
  'sizes.kb': '{kb} KB',
  'sizes.ratio': '小 {times} 倍',
  'sizes.download': '下载',
  'sizes.download.label': '下载 {format}，{layout}',
  'sizes.downloaded': '已下载 {name}。',
  'sizes.recipe':
    'TensorFlow.js 维护者的做法（剪枝 85–90 %、8 位、gzip；gzip 带来“接近 6 倍”）：这里 8 位稠密文件经 gzip 缩小 {gz} 倍，比 float32 文件小 {total} 倍。',
  'sizes.help':
    'float16 把每个核值减半；8 位存储 0…255 的 q，值 = q·scale + min（按层：每个核一个 scale，TensorFlow.js 可以加载；按单元：每个输出单元一个，TensorFlow.js 无法加载）。零仍然精确为零，因此被剪掉的权重保持被剪掉。CSR 只存活权重及其单元索引，外加每个输入行一个指针；本实验室的格式见 docs/formats.md。偏置保持 float32。',
};
