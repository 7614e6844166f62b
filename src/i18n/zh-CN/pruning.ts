/** 简体中文: pruning. Same keys as `../en/pruning.ts` (the type makes a missing or extra key a compile error). */
import type { pruning as en } from '../en/pruning';

export const pruning: Record<keyof typeof en, string> = {
  // 面板（PruningPanel.tsx）。
  'pruning.title': '剪枝',
  'pruning.opening': '正在打开预训练的网络…',
  'pruning.idle': '请先训练一个网络：剪枝基于它在评分过程中得到的梯度。',
  'pruning.loading': '正在准备带掩码的评估器…',
  'pruning.nm.note':
    '2:4：一个单元每 4 个相邻输入中最多剪掉 2 个，所以稀疏度最高 50 %。带稀疏张量核心的 GPU 运行这种模式更快；浏览器没有这种硬件，所以这里展示的是模式以及它在准确率上的代价，而不是加速。',
  'pruning.lamp.neurons':
    'LAMP 是为单个权重定义的。按神经元剪枝时，本实验室和其他准则一样，用一个单元各输入权重 LAMP 分数的均值给它打分；这是本实验室的做法，不是论文的。',
  'pruning.failed': '剪枝评估器出错：{detail}',

  // 滑块及其数字输入框（ThresholdSlider.tsx）。
  'slider.label.threshold.weights': '剪掉分数 < T 的每个权重',
  'slider.label.threshold.units': '剪掉分数 < T 的每个隐藏单元',
  'slider.label.sparsity.weights': '剪掉分数最低的权重',
  'slider.label.sparsity.units': '剪掉分数最低的隐藏单元',
  'slider.value.threshold': 'T = {t}',
  'slider.value.threshold.weights': 'T = {t}，剪掉 {pct} 的权重',
  'slider.value.threshold.units': 'T = {t}，剪掉 {pct} 的隐藏单元',
  'slider.value.sparsity.weights': '已剪掉 {pct} 的权重',
  'slider.value.sparsity.units': '已剪掉 {pct} 的隐藏单元',
  'slider.field.sparsity': '目标稀疏度（百分比）',
  'slider.hint.threshold': '输入一个阈值，例如 0.01 或 1e-4',
  'slider.hint.sparsity': '输入一个百分比，例如 90',
  'slider.error.sparsity': '目标稀疏度：“{raw}”不是 0 到 99.9 之间的百分比',

  // 当前掩码的各项数字（PruneNumbers.tsx）。
  'numbers.summary': '已剪掉 {sparsity} 的权重 · {total} 个权重中还剩 {live} 个',
  'numbers.updating': '· 更新中…',
  'numbers.updating.row': '更新中…',
  'numbers.collapse': '层坍塌：{layers}（{n} 层）已被 100% 剪掉。',
  'numbers.list.separator': '、',
  'numbers.disconnected': '输入已无法到达输出：网络对每个样本的预测都相同。',
  'numbers.stranded': '有 {n} 个隐藏单元虽未被剪掉，但已没有从输入到输出的存活通路。',
  'numbers.accuracy': '准确率',
  'numbers.dense': '剪枝前',
  'numbers.pruned': '剪枝后',
  'numbers.layerPruned': '已剪比例',
  'numbers.loss': '损失',
  'numbers.delta': '{sign}{d} 个百分点',
  'numbers.layer': '层',
  'numbers.liveTotal': '保留 / 总数',
  'numbers.firstKept': '首个保留项的分数',
  'numbers.firstKept.help': '这一层中第一个被保留的项（即保留项中分数最低的）的分数',
  'numbers.equivalentT': '等效的 T',
  'numbers.nmLimit': '2:4 上限：所有候选权重都已剪掉',
  'numbers.allPruned': '全部剪掉',
  'numbers.storage': '存储',
  'numbers.storage.help': 'float32 的权重矩阵和偏置，对比 CSR 格式（float32 数值、int32 列索引和行指针）',
  'numbers.storage.value': '稠密 {dense} KB → CSR {csr} KB',
  'numbers.macs': '乘加次数 / 样本',
  'numbers.shapes': '更小的稠密网络',
  'numbers.shapes.help': '去掉失效的隐藏单元后各层的大小',
  'numbers.evaluation': '评估',
  'numbers.evaluation.help':
    '后台 worker 在验证集上评估这个掩码所用的时间：增量评估（只应用第一层中状态翻转的权重）或完整计算一遍，以及所用的运算方式',
  'numbers.evalTime': '{ms} ms，{pass} · {engine}',
  'numbers.pass.full': '完整计算',
  'numbers.pass.incremental': '增量评估',
  'numbers.engine.wasm': 'WebAssembly SIMD',
  'numbers.engine.js': '纯 JavaScript',
  'bar.pruned': '已剪掉 {pct}',
  'bar.accuracy': '验证集 {pct}（剪枝前 {dense}）',
};
