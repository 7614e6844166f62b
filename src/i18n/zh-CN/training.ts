/** 简体中文: training. Same keys as `../en/training.ts` (the type makes a missing or extra key a compile error). */
import type { training as en } from '../en/training';

export const training: Record<keyof typeof en, string> = {
  // 训练面板的按钮（数据集和后端的名称在 common 的 setting.* 中）。
  'training.title': '训练',
  'training.train': '训练',
  'training.trainAgain': '再训练一次',
  'training.trainOwn': '训练你自己的网络',
  'training.train.title': '用这些设置训练一个新网络',
  'training.pause': '暂停',
  'training.resume': '继续',
  'training.reset': '重置',
  'training.reset.title': '停止并清除当前的训练',

  // 训练面板的隐藏层（该设置的名称和说明见 common 中的 setting.hidden.*）。
  'hidden.range': '{layers} 层，每层 {units} 个单元。',
  'hidden.layer': '第 {n} 个隐藏层的单元数',
  'hidden.remove': '删除第 {n} 个隐藏层',
  'hidden.removeMark': '×',
  'hidden.add': '添加一层',
  'hidden.large':
    '这是一个大网络：在这份数据上有 {weights} 个权重。超过约 {limit} 个权重后，剪枝的数字在这里无法在拖动滑块的同一帧内更新（滑块停下后会追上），打分和曲线也会更久。',
  'hidden.wide': '单元数超过 {max} 的层会用 TensorFlow.js 自己的训练步训练，比融合训练步慢好几倍。',

  // 训练面板的数据：选中的表格，或它为何还不能训练；表格的训练轮数及其理由。
  'training.data.table':
    '{name}：{inputs} 个输入、{classes} 个类别、{rows} 行（{train} 行用于训练，{val} 行用于验证），来自“你自己的数据”。',
  'training.data.preparing': '正在准备 {name}…“训练”会等它准备好。',
  'training.data.refused': '{name} 尚未就绪：请查看下方的“你自己的数据”，或选择一个内置数据集。',
  'training.data.missing':
    '本页没有加载 {name}：链接只写明表格的名字，从不包含它的数据。请在下方“你自己的数据”中加载它再训练，或选择一个内置数据集。',
  'training.epochs.table':
    '为这个表格选了 {epochs} 轮：{train} 个训练行、批大小 {batch}，每轮 {per} 步 Adam 更新，共 {total} 步；小表格大约需要 {min} 步才能训练好。',
  'training.epochs.few':
    '你设定的 {epochs} 轮在这个表格上只有 {total} 步 Adam 更新（批大小 {batch} 时每轮 {per} 步）；小表格大约需要 {min} 步。',
  'training.epochs.yours':
    '你设定的 {epochs} 轮在这个表格上共 {total} 步 Adam 更新（批大小 {batch} 时每轮 {per} 步）。',
  'training.epochs.use': '改用 {epochs} 轮',

  // 后端：训练面板中的选项和页头的标记。
  'backend.option.auto': 'auto（自动选择最佳）',
  'backend.none': '没有可用的后端',
  'backend.starting': '正在启动后端…',
  'backend.adapter': '适配器：{adapter}。',
  'backend.software': '· 软件适配器',
  'backend.forced': '· 强制指定',
  'backend.fallback': '— 回退原因：{reason}',
  'backend.unavailable': '— 未测量：{reason}',
  'backend.skipped': '跳过 {name}：{reason}',
  'backend.skip.no-webgpu': '这个浏览器不支持 WebGPU（没有 navigator.gpu）',
  'backend.skip.no-adapter': '没有可用的 WebGPU 适配器（requestAdapter 返回 null）',
  'backend.skip.start-threw': '启动失败：{detail}',
  'backend.skip.start-failed': '启动失败{detail}',
  'backend.skip.check-failed': '梯度检查未通过（{detail}）',
  'backend.skip.check-threw': '梯度检查出错：{detail}',
  'backend.adapter.wasm': 'CPU 上的 WebAssembly',
  'backend.adapter.cpu': 'CPU 上的 JavaScript',
  // auto 通过实测选择后端：等待或测量时的标记、测得的速度、说明；等待选择的训练。
  'backend.pending.waiting': '· 稍后实测',
  'backend.pending.measuring': '· 正在实测…',
  'backend.measured': '· 实测：{rates}',
  'backend.rate.first': '{name} 每秒 {n} 个样本',
  'backend.rate.other': '{name} 每秒 {n}',
  'backend.help.label': '后端',
  'backend.help.pending':
    'auto 先用 WebAssembly 启动：它总是可用且启动很快，所以你可以立即剪枝和训练。页面打开后空闲时（或在你第一次点击“训练”时，训练会等它完成），它会按你的批大小在这个浏览器能启动的每个后端（WebGPU、WebGL、WebAssembly）上计时几个训练批次，并选用最快的一个。',
  'backend.help.measured':
    'auto 以批大小 {batch} 在这个浏览器能启动的每个后端上计时了几个训练批次，并选用了最快的：{rates}。对这么小的网络，GPU 可能比 CPU 还慢：每个训练步骤都要付出把工作交给 GPU 的固定开销，而 CPU 不必。“后端”设置（或地址中的 ?backend=）可以强制指定一个。',
  'backend.help.forced': '这个后端是你指定的（“后端”设置或地址中的 ?backend=）；auto 会通过实测来选择。',
  'progress.choosingBackend': '正在选择后端：在这个浏览器的每个后端上计时几个训练批次…',
  'progress.startingBackend': '正在启动后端：后端一就绪，训练就开始…',

  // 进度面板：训练的状态、预计用时、轮次与批次、剩余时间。
  'progress.label': '训练进度',
  'progress.phase.idle': '就绪。请点击“训练”。',
  'progress.waitingTable': '等待 {name}',
  'progress.phase.loading': '正在加载数据…',
  'progress.phase.training': '训练中',
  'progress.phase.paused': '已暂停',
  'progress.phase.scoring': '评分遍历：在训练集上对 |∂L/∂w| 求平均…',
  'progress.phase.done': '完成',
  'progress.phase.error': '因错误而停止',
  'progress.opening': '正在打开预训练的 {dataset} 网络…',
  'progress.pretrained': '预训练网络',
  'progress.imported': '导入的网络',
  'progress.expected.parts': '训练 {training}，验证 {validation}，评分 {scoring}，曲线 {curves}',
  'progress.expected.partsNoCurves': '训练 {training}，验证 {validation}，评分 {scoring}，曲线还需几秒',
  'progress.expected.fromRun':
    '在这里用 {data} 训练大约需要 <b>{total}</b>（{parts}），依据你上一次在它上面训练的速度（批大小 {batch}，{rate}）。',
  'progress.expected.measured':
    '在这里用 {data} 训练大约需要 <b>{total}</b>（{parts}），依据在 {backend} 上以批大小 32 测得的速度（{rate}）。',
  'progress.data': '数据：{data}，{inputs} 个输入、{classes} 个类别，训练样本 {train} 个、验证样本 {val} 个。',
  'progress.stats.epoch': '第 {epoch}/{epochs} 轮',
  'progress.stats.batch': '第 {batch}/{batches} 批',
  'progress.stats.fused': '融合 WebAssembly 训练步',
  'progress.stats.fusedWebgpu': '融合 WebGPU 训练步',
  'progress.stats.tfjs': 'TensorFlow.js 训练步',
  'progress.stats.none': '轮次 –，批次 –',
  'progress.eta': '预计剩余 {time}',
  'progress.etaPlusCurves': '预计剩余 {time} + 曲线',

  // 训练的各个阶段，每个一行：正在做什么，或用了多久。
  'phases.training': '训练',
  'phases.validation': '验证',
  'phases.scoring': '评分遍历',
  'phases.curves': '曲线',
  'phases.bar': '{phase}：{status}',
  'phases.status.waiting': '等待中',
  'phases.status.running': '进行中',
  'phases.status.done': '完成',
  'phases.took': '用时 {time}',
  'phases.tookInAll': '共用时 {time}',
  'phases.training.done': '{took} · {rate}',
  'phases.training.running': '第 {epoch}/{epochs} 轮 · 第 {batch}/{batches} 批 · {rate}',
  'phases.training.starting': '正在开始',
  'phases.validation.waiting': '每轮结束后进行',
  'phases.validation.running': '第 {epoch} 轮结束后：进行中',
  'phases.validation.progress': '{done}/{total} 轮',
  'phases.scoring.progress': '{done}/{total} 批',
  'phases.curves.starting': '正在开始',
  'phases.curves.progress': '{done}/{total} 个点',

  // 损失与准确率图表。
  'curves.label': '训练曲线',
  'curves.loss.heading': '损失（交叉熵）',
  'curves.accuracy.heading': '准确率',
  'curves.loss.title': '每轮的损失；用方向键逐点查看',
  'curves.accuracy.title': '每轮的准确率；用方向键逐点查看',
  'curves.axis.epoch': '轮次',
  'curves.tooltip.epoch': '轮次 {epoch}',
  'curves.batchLoss': '批次损失',
  'curves.trainLoss': '训练损失（平滑）',
  'curves.valLoss': '验证损失',
  'curves.trainAccuracy': '训练准确率',
  'curves.valAccuracy': '验证准确率',
  'curves.summary':
    '第 {epoch} 轮结束后：训练损失 {trainLoss}，准确率 {trainAcc} · 验证损失 {valLoss}，准确率 {valAcc}。',
  'curves.empty': '训练一开始，曲线就会出现。训练集上的数值是每轮各批次的平均值，与 Keras 的报告方式相同。',

  // 屏幕上的网络从何而来（随实验室提供的快照，或导入的 run.json）。
  'origin.imported':
    '从 run.json 导入（保存于 {saved} UTC）：包含权重、梯度统计和设置，不含训练曲线。点击“训练”会训练一个新网络。',
  'origin.model':
    '从 TensorFlow.js 模型 {file} 导入（softmax 输出）：使用它的权重，并在这份数据上完成评分；没有训练曲线。点击“训练”会用这些隐藏层训练一个新网络。',
  'origin.model.linear':
    '从 TensorFlow.js 模型 {file} 导入（线性输出：本实验室对其 logits 施加 softmax，所以是同一个网络）：使用它的权重，并在这份数据上完成评分；没有训练曲线。点击“训练”会用这些隐藏层训练一个新网络。',
  'origin.snapshot':
    '<b>预训练快照</b>：{dataset}，随机种子 {seed}，{epochs} 轮，批大小 {batch}，学习率 {lr}，在 {backend} 上训练，用时 {time}（{rate}）。它随实验室一起提供，你可以立即开始剪枝；<em>训练</em>会用上面的设置训练你自己的网络。',
  'origin.snapshot.dense':
    '<b>预训练快照</b>：{dataset}，随机种子 {seed}，{epochs} 轮，批大小 {batch}，学习率 {lr}，在 {backend} 上训练，用时 {time}（{rate}）；稠密网络的验证集准确率为 {accuracy}。它随实验室一起提供，你可以立即开始剪枝；<em>训练</em>会用上面的设置训练你自己的网络。',
  'origin.open': '打开 {dataset} 快照',

  // 页面绘制失败时代替页面显示的面板。
  'errorBoundary.title': '绘制页面时出错了',
  'errorBoundary.body': '你的设置保存在地址栏中。请重试，或重新加载页面。',
  'errorBoundary.retry': '重试',

  // “工作原理”：每段一条消息。
  'how.title': '工作原理',
  'how.network':
    '网络（Dense 64 relu → Dense 32 relu → Dense 10 softmax，Glorot 均匀分布初始化权重，Adam，交叉熵）在 Web Worker 中用 TensorFlow.js 训练。训练结束后，<em>评分遍历</em>在冻结权重的情况下把训练集再跑一遍，对每个权重在各个小批量上求 |∂L/∂w| 和 (∂L/∂w)² 的平均值。原文的剪枝规则是 <b>|∂L/∂w| < T ⇒ w := 0</b>。',
  'how.slider':
    '滑块实时剪枝：分数低于 T 的每个权重都被掩码置为 0，网络随即在你操作的那一帧内于验证集上重新评估（浏览器支持时用 WebAssembly SIMD，否则用普通 TypeScript，结果相同；只有掩码翻转的权重会重新作用到第一层）；滑块一停下，还会在 worker 中于训练集上重新评估。热图中的灰色格子是被剪掉的权重。<em>微调</em>在强制保持掩码的情况下把剪枝后的网络再训练两轮，因此被剪掉的权重始终严格为 0。',
  'how.caveat':
    '这里的梯度是<em>损失</em>的梯度，而不是模型输出的梯度。在训练好的极小值处，每个权重的期望梯度都接近于零，所以 |∂L/∂w| 小本身并不意味着这个权重不重要；实验室因此把这一准则与权重幅值以及泰勒/Fisher 分数放在一起比较。',
};
