/** 简体中文: experiments. Same keys as `../en/experiments.ts` (the type makes a missing or extra key a compile error). */
import type { experiments as en } from '../en/experiments';

export const experiments: Record<keyof typeof en, string> = {
  // 微调实验面板：微调曲线、迭代剪枝、已微调结果的列表。
  'experiments.title': '微调实验',
  'experiments.curve': '微调曲线',
  'experiments.curve.help': '按 {criterion} 依次剪枝到 {levels}，每一级都做微调',
  'experiments.curve.separator': '、',
  'experiments.iterative': '迭代剪枝到 {sparsity}',
  'experiments.iterative.label': '迭代剪枝',
  'experiments.iterative.help':
    '分 {steps} 步剪枝到滑块所示的稀疏度，每步之后做 {epochs} 轮带掩码的训练（Han 等，2015）',
  'experiments.cancel': '取消',
  'experiments.stage.curve': '微调曲线（{criterion}）：第 {level}/{total} 级（{sparsity}）',
  'experiments.stage.iterative': '迭代剪枝：分 {steps} 步剪到 {sparsity}',
  'experiments.status.curve.done': '微调曲线已完成。',
  'experiments.status.curve.cancelled': '微调曲线已取消。',
  'experiments.status.curve.error': '微调曲线出错。',
  'experiments.status.iterative.done': '迭代剪枝已完成。',
  'experiments.status.iterative.cancelled': '迭代剪枝已取消。',
  'experiments.status.iterative.error': '迭代剪枝出错。',
  'experiments.log.kind': '类型',
  'experiments.log.criterion': '准则',
  'experiments.log.sparsity': '稀疏度',
  'experiments.log.accuracy': '剪枝后 → 训练后（验证集）',
  'experiments.kind.one-shot': '一次性',
  'experiments.kind.curve': '曲线',
  'experiments.kind.iterative': '迭代',
  'experiments.kind.unmasked': '无掩码',
  'experiments.kind.article': '原文代码',
  'experiments.clear': '清除数据点',

  // 对剪枝后的网络做一次微调（在剪枝滑块旁边）。
  'finetune.start': '微调 {epochs} 轮',
  'finetune.start.label': '微调',
  'finetune.start.help': '以原学习率的 {factor} 倍对剪枝后的网络微调 {epochs} 轮；被剪掉的权重始终严格为 0',
  'finetune.cancel': '取消',
  'finetune.progress': '微调进度',
  'finetune.result.one-shot':
    '稀疏度 {sparsity}：验证集准确率 {before} → 微调后 <b>{after}</b>（训练集 {trainBefore} → {trainAfter}）。',
  'finetune.result.iterative':
    '迭代剪枝到 {sparsity}：验证集准确率从一次性剪枝的 {before} → 分步剪枝并微调后的 <b>{after}</b>（训练集 {trainBefore} → {trainAfter}）。',
  'finetune.sliderMoved': '这个掩码已不是滑块当前对应的了：滑块现在在 {sparsity}。',
  'finetune.failed': '微调失败：{detail}',

  // 原文的代码，照原样运行。
  'article.title': '原文的代码，照原样运行',
  'article.intro':
    '原文计算的是 <code>tape.gradient(model(train_x), weights)</code>：即 <em>softmax 输出之和</em>的梯度，而这个和对每个样本都等于 1，所以梯度为零。接着，它的剪枝把这些梯度的副本置零，它的微调也没有掩码。在这个网络上逐一运行：',
  'article.run': '运行它的梯度与剪枝（T = {threshold}）',
  'article.finetune': '在稀疏度 {sparsity} 下分别不带掩码和带掩码微调',
  'article.running': '运行中…',
  'article.col.layer': '层',
  'article.col.article': '原文：max |∂Σsoftmax/∂θ|',
  'article.col.lab': '本实验室：max |∂L/∂θ|',
  'article.pruning':
    '低于 T：{parameters} 个参数中有 {below} 个——原文会把它们全部剪掉，可它的剪枝只改变了 <b>{changed}</b> 个权重：验证集准确率剪枝前 {before}，剪枝后 {after}。上面的非零值是 1 − Σ softmax 的 float32 舍入误差。',
  'article.unmasked':
    '不带掩码（原文的 <code>model.fit</code>）：<b>{regrown}</b> 个被剪掉的权重又长了回来；稀疏度 {from} → {to}，验证集准确率 {before} → {after}。',
  'article.masked': '保持掩码（本实验室）：{regrown} 个长回；稀疏度保持 {sparsity}，验证集准确率 {before} → {after}。',

  // 某一层为何被剪光，以及一键修复。
  'collapse.why':
    '原因：所有层共用一个全局阈值时，分数最小的层最先被剪光。这里 {low} 的平均 {criterion} 分数是 <b>{lowMean}</b>，{high} 的是 <b>{highMean}</b>（是前者的 {ratio} 倍）。',
  'collapse.try':
    '一键修复。必要时会降低稀疏度，使验证集准确率与稠密网络的 {dense} 相差不超过 {tol} 个百分点，并说明改了什么：',
  'collapse.repair.scope': '逐层范围',
  'collapse.repair.outcome': '→ 剪掉 {sparsity}，验证集 {accuracy}',
  'collapse.repair.outcome.far': '→ 剪掉 {sparsity}，验证集 {accuracy}（仍比稠密网络低 {tol} 个百分点以上）',
  'collapse.repair.pending': '正在计算结果…',
  // 修复改了什么（前 → 后），以及撤销。
  'repair.change.scope': '范围：全局 → 逐层。',
  'repair.change.criterion': '准则：{from} → {to}。',
  'repair.kept': '{change}现在没有层被剪光，验证集准确率与稠密网络的 {dense} 相差不超过 {tol} 个百分点。',
  'repair.moved.threshold':
    '{change}只改这一项、仍剪掉 {sparsity} 时，验证集准确率只有 {atCurrent}（随机猜测：{chance}）。所以模式也改了：从阈值 T 改为目标稀疏度 <b>{level}</b>，这是所试的稀疏度中它与稠密网络的 {dense} 相差不超过 {tol} 个百分点的最高一档。',
  'repair.moved.sparsity':
    '{change}只改这一项、仍剪掉 {sparsity} 时，验证集准确率只有 {atCurrent}（随机猜测：{chance}）。所以目标稀疏度也改成了 <b>{level}</b>，这是所试的稀疏度中它与稠密网络的 {dense} 相差不超过 {tol} 个百分点的最高一档。',
  'repair.far':
    '{change}只改这一项、仍剪掉 {sparsity} 时，验证集准确率只有 {atCurrent}（随机猜测：{chance}）；即使降到所试的最低目标稀疏度 {level}，仍比稠密网络低 {tol} 个百分点以上：这个设置不适合这个网络。',
  'repair.level.units': '{pct}（按隐藏单元计）',
  'repair.beforeAfter': '稀疏度 {sBefore} → <b>{sAfter}</b> · 验证集准确率 {aBefore} → <b>{aAfter}</b>',
  'repair.undo': '撤销',
} satisfies Record<string, string>;
