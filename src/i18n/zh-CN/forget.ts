/** 简体中文: forget. Same keys as `../en/forget.ts` (the type makes a missing or extra key a compile error). */
import type { forget as en } from '../en/forget';

export const forget: Record<keyof typeof en, string> = {
  'forget.title': '剪枝遗忘了什么',
  'forget.idle': '先训练或打开一个网络，再移动滑块：这个面板显示剪枝的损伤落在哪里。',
  'forget.lead':
    '上面的准确率是一个平均值。Hooker 等人（2019）指出，平均值掩盖了损伤落在哪里：有些类别损失远多于其他类别，少数样本最先被遗忘。各类别表格随滑块实时变化，其余内容在滑块停下后更新（验证集）。',
  'forget.summary':
    '在这个稀疏度下，剪枝后的网络遗忘了 {forgotten} 个稠密网络答对的样本，新答对了 {newly} 个（共 {n} 个）。',
  'setting.forgetClass.label': '类别',
  'setting.forgetClass.help':
    '只看一个类别：它的曲线排在最前，只列出它的样本。链接会保留这个选择。点击表中的类别也可以选中它。',
  'forget.class.all': '所有类别',
  'forget.col.class': '类别',
  'forget.col.dense': '稠密',
  'forget.col.pruned': '剪枝后',
  'forget.col.bar': '准确率',
  'forget.col.delta': 'Δ 百分点',
  'forget.delta': '{sign}{d}',
  'forget.examples.title': '它遗忘的样本',
  'forget.examples.help':
    '稠密网络分类正确、剪枝后网络分类错误的验证样本，按真实类别概率下降的幅度排序（遗忘最多的在前）；下面是少数新答对的样本，按概率上升的幅度排序。点击一个样本可查看它在稠密与剪枝后网络中的各类别概率。滑块停下后它们随之更新。',
  'forget.examples.forgotten': '被遗忘（{n}）',
  'forget.examples.newlyRight': '新答对（{n}）',
  'forget.examples.none': '这个稀疏度下没有。',
  'forget.example.label': '样本 {sample}，类别 {label}：稠密网络判为 {dense}，剪枝后判为 {pruned}',
  'forget.example.short': '{dense} → {pruned}',
  'forget.example.p': '{from} → {to}',
  'forget.probs.caption': '样本 {sample}（真实类别 {label}）：各类别概率',
  'forget.confusion.title': '混淆矩阵',
  'forget.confusion.help':
    '每个真实类别（行）的验证样本被网络预测为各个类别（列）的数量。差值视图是剪枝后减去稠密：对角线以外的红色是剪枝新增的混淆，对角线上的红色是它失去的正确答案。',
  'forget.confusion.dense': '稠密',
  'forget.confusion.pruned': '剪枝后',
  'forget.confusion.diff': '差值',
  'forget.confusion.axes': '行：真实类别 · 列：预测类别',
  'forget.confusion.tooMany': '混淆矩阵最多画 20 个类别；这个网络有 {n} 个。',
  'forget.curves.title': '各类别：准确率与稀疏度 · {criterion}',
  'forget.curves.titleShort': '各类别曲线',
  'forget.curves.help':
    '当前准则剪去越来越多权重时，每个类别的验证准确率（与图表相同的扫描）。竖线是滑块的位置。一个类别在比稠密准确率低 {fall} 个百分点的第一个稀疏度处“跌落”：最先跌落的类别就是剪枝代价最大的类别。',
  'forget.curves.one': '类别 {name}：在 {at} 处跌落',
  'forget.curves.falls': '在 {at} 处跌落',
  'forget.curves.holds': '保持',
  'forget.curves.running': '正在计算曲线…',
  'forget.curves.compute': '计算各类别曲线',
};
