/** 简体中文：导览、演示模式，以及关于原文的说明。 */
import type { tour as en } from '../en/tour';

export const tour: Record<keyof typeof en, string> = {
  'tour.start': '开始导览',
  'tour.region': '导览',
  'tour.counter': '第 {n} 步，共 {total} 步',
  'tour.announce': '第 {n} 步，共 {total} 步：{title}',
  'tour.back': '上一步',
  'tour.next': '下一步',
  'tour.finish': '完成',
  'tour.close': '退出导览',
  'tour.keys': '← → 或空格键翻页 · Esc 退出',
  'tour.action.train': '在这里重新训练一个网络',
  'tour.action.article-code': '运行原文的代码',
  'tour.action.finetune': '保持掩码进行微调',
  'tour.action.iterative': '迭代剪枝',
  'tour.network.title': '网络与数据',
  'tour.network.body':
    '网络：{inputs} 个输入 → {hidden} → Dense {classes} softmax，共 {weights} 个权重，用 Adam 优化交叉熵。原文的网络有两个隐藏层 Dense 64 ReLU → Dense 32 ReLU，使用 32 个特征；{onScreen}每张热图是一层的权重矩阵，一个格子对应一个权重：这里显示的是原始权重。',
  'tour.training.title': '训练与损失',
  'tour.training.body':
    '这个网络训练了 {epochs} 轮，批大小 {batch}，Adam 学习率 {lr}：验证集准确率 {valAcc}。曲线就是这次训练的。在这里重新训练一个网络，可以实时看到损失下降；之后的每一步都作用于屏幕上当前的网络。',
  'tour.gradient.title': '∂L/∂w 与打分过程',
  'tour.gradient.body':
    '∂L/∂w 表示某个权重 w 变化时损失 L 变化得有多快。训练结束后，<b>打分过程</b>在冻结权重的情况下把训练集再跑一遍，对每个权重在各个小批次上求 |∂L/∂w| 的平均值。这里各层的平均值：{means}。这些是<em>损失</em>的梯度；原文求的是模型输出的梯度（见第 7 步）。',
  'tour.heatmaps.title': '热图',
  'tour.heatmaps.body':
    '现在每个格子是一个权重的分数 |∂L/∂w|，使用对数色标（梯度跨越好几个数量级）。灰色格子表示已剪掉：滑块位于 {sparsity}，分数最低的先被剪掉。把鼠标移到格子上或轻点格子，可以看到它的权重和分数。',
  'tour.rule.title': '原文的规则，T = {t}',
  'tour.rule.body':
    '原文的规则：<b>|∂L/∂w| < T ⇒ w := 0</b>，所有层共用一个阈值 T = {t}。在这个网络上，它剪掉了 {sparsity} 的权重，验证集准确率从 {denseVal} 降到 {prunedVal}。{move}',
  'tour.collapse.title': '层坍塌及其原因',
  'tour.collapse.body':
    '为什么剪掉这么多？各层的梯度处在不同的数量级上：{low} 的平均 |∂L/∂w| 是 {lowMean}，{high} 的是 {highMean}，大 {ratio} 倍。一个全局阈值 T 会先剪掉梯度最小的那一层：{low} 的 {lowSparsity} 被剪掉了。失去第一层的网络看不到自己的输入。警告里的一键修正会先显示各自的结果：单靠它们都撑不住这个稀疏度，所以修正还会降低稀疏度并说明这一点；“撤销”可以回到 T = {t}。',
  'tour.article.title': '原文的代码，照原样运行',
  'tour.article.body':
    '原文的“梯度”是 <code>tape.gradient(model(train_x), weights)</code>：softmax 输出之和的梯度。每个样本的输出之和恒为 1，所以这个梯度为零，每个权重都低于任何阈值 T。原文的“剪枝”把零赋给梯度的副本，所以没有任何权重改变。在这里用 TF.js 在这个网络上运行它看看。',
  'tour.repairs.title': '修正：更好的分数，逐层范围',
  'tour.repairs.body':
    '去掉权重 w，损失大约变化 <b>ΔL ≈ −g·w + ½·H·w²</b>。只看 |∂L/∂w| 忽略了权重本身的大小。泰勒 |w·g| 保留第一项，OBD ½·w²·F 保留第二项（用 Fisher F 代替 H），幅值 |w| 只看大小。在 90% 稀疏度（滑块现在的位置）时的验证集准确率：梯度 {gradient}，泰勒 {taylor}，幅值 {magnitude}。另一种修正是分配方式。逐层范围把每一层剪到相同的稀疏度。把每层的 |∂L/∂w| 除以该层均值（层归一化梯度：{gradnorm}）可能更糟：当某一层分数的分布比其他层偏斜得多时（MNIST 的第一层），反而是其他层先被剪光。LAMP 重新缩放幅值，使每一层都保留它最大的权重：{lamp}。',
  'tour.finetune.title': '保持掩码的微调',
  'tour.finetune.body':
    '剪枝会损失准确率；再训练一小会儿能挽回一部分。微调在保持掩码的情况下把剪枝后的网络（按幅值剪掉 {sparsity}）再训练 {finetuneEpochs} 轮，被剪掉的权重始终严格为 0（当前验证集准确率 {prunedVal}）。原文的微调没有掩码：被剪掉的权重会重新长回来。',
  'tour.forget.title': '剪枝遗忘了什么',
  'tour.forget.body':
    '准确率是一个平均值，它掩盖了损伤落在哪里（Hooker 等，2019）。在 {sparsity} 的稀疏度下，剪枝后的网络答错了 {forgotten} 个稠密网络答对的验证样本，类别 {worst} 损失最多（{worstDense} → {worstPruned}）。点一下被遗忘的样本可查看它的各类别概率。',
  'tour.forget.even':
    '准确率是一个平均值，它掩盖了损伤落在哪里（Hooker 等，2019）。在 {sparsity} 的稀疏度下，剪枝后的网络答错了 {forgotten} 个稠密网络答对的验证样本，没有哪个类别的准确率下降。点一下被遗忘的样本可查看它的各类别概率。',
  'tour.forget.wait':
    '准确率是一个平均值，它掩盖了损伤落在哪里（Hooker 等，2019）：损失最多的类别，以及稠密网络答对、剪枝后网络答错的样本。',
  'tour.next.title': '迭代剪枝，以及接下来可以探索什么',
  'tour.next.body':
    '迭代剪枝每次剪一点、微调、再重复（Han 等，2015）；在高稀疏度下通常优于一次剪完。接下来可以试试：逐层范围、神经元粒度（得到更小的稠密网络）、每一层的敏感度、剪枝在本浏览器中带来了什么（图表下方实测的速度和文件大小），或者原文自己的设定 synthetic-32（32 个特征）。宽度和深度如何改变剪枝：见 docs/results.md 中的宽度与深度实验。退出导览后，一切保持原样。',
  'tour.collapse.none':
    '这里 T = {t} 剪掉了梯度最小的 {low} 的 {lowSparsity}（平均 |∂L/∂w| 为 {lowMean}），以及 {high} 的 {highSparsity}（{highMean}，大 {ratio} 倍）：还没有哪一层被剪光。一个全局阈值 T 会先剪掉梯度最小的那一层；在训练得更久、梯度更小的网络上（预训练的网络），同样的 T 会剪光 {low}，而失去第一层的网络看不到自己的输入。',
  'tour.network.hidden': 'Dense {units} ReLU',
  'tour.gradient.mean': '{layer} {mean}',
  'tour.list.separator': '，',
  'tour.network.origin.snapshot': '本实验室打开时用的是 {dataset}（{inputs} 个输入），并且已经训练好，无需等待。',
  'tour.network.origin.trained': '这个网络是在这里训练的，数据是 {dataset}（{inputs} 个输入）。',
  'tour.network.origin.imported': '这个网络是从运行文件导入的：{dataset}，{inputs} 个输入。',
  'tour.network.origin.model': '这个网络是从 TensorFlow.js 模型导入的：{dataset}，{inputs} 个输入。',
  'tour.network.origin.training': '这个网络正在训练，数据是 {dataset}（{inputs} 个输入）。',
  'tour.table': '你的表格 {name}',
  'tour.training.live':
    '这个网络正在训练：第 {epoch} 轮（共 {epochs} 轮），批大小 {batch}，Adam 学习率 {lr}；上一轮结束时的验证集准确率：{valAcc}。看损失一批一批地下降；训练结束后，之后的每一步都作用于这个网络。',
  'tour.training.first':
    '这个网络正在训练：第 {epoch} 轮（共 {epochs} 轮），批大小 {batch}，Adam 学习率 {lr}。看损失一批一批地下降；第一轮结束时会给出验证集准确率。训练结束后，之后的每一步都作用于这个网络。',
  'tour.move.keys': '拖动滑块，或在滑块上使用方向键，可以改变 T。',
  'tour.move.touch': '拖动滑块可以改变 T。',
  'tour.network.wait':
    '网络：输入 → 若干 Dense ReLU 隐藏层（原文为 64 和 32 个单元）→ 各类别上的 Dense softmax，用 Adam 优化交叉熵；原文使用 32 个特征。每张热图是一层的权重矩阵，一个格子对应一个权重：这里显示的是原始权重。',
  'tour.training.wait':
    '训练时可以实时看到损失一批一批地下降，以及每一轮之后的准确率；之后的每一步都作用于屏幕上当前的网络。',
  'tour.gradient.wait':
    '∂L/∂w 表示某个权重 w 变化时损失 L 变化得有多快。训练结束后，<b>打分过程</b>在冻结权重的情况下把训练集再跑一遍，对每个权重在各个小批次上求 |∂L/∂w| 的平均值。这些是<em>损失</em>的梯度；原文求的是模型输出的梯度（见第 7 步）。',
  'tour.heatmaps.wait':
    '每个格子是一个权重的分数 |∂L/∂w|，使用对数色标（梯度跨越好几个数量级）。灰色格子表示已剪掉：分数最低的先被剪掉。把鼠标移到格子上或轻点格子，可以看到它的权重和分数。',
  'tour.rule.wait': '原文的规则：<b>|∂L/∂w| < T ⇒ w := 0</b>，所有层共用一个阈值 T = {t}。{move}',
  'tour.collapse.wait':
    '各层的梯度处在不同的数量级上，所以一个全局阈值 T 会先剪掉梯度最小的那一层。失去第一层的网络看不到自己的输入。',
  'tour.repairs.wait':
    '去掉权重 w，损失大约变化 <b>ΔL ≈ −g·w + ½·H·w²</b>。只看 |∂L/∂w| 忽略了权重本身的大小。泰勒 |w·g| 保留第一项，OBD ½·w²·F 保留第二项（用 Fisher F 代替 H），幅值 |w| 只看大小。另一种修正是分配方式：逐层范围把每一层剪到相同的稀疏度；LAMP 重新缩放幅值，使每一层都保留它最大的权重。',
  'tour.finetune.wait':
    '剪枝会损失准确率；再训练一小会儿能挽回一部分。微调在保持掩码的情况下把剪枝后的网络再训练 {finetuneEpochs} 轮，被剪掉的权重始终严格为 0。原文的微调没有掩码：被剪掉的权重会重新长回来。',
  'tour.pending': '这个网络的具体数字将在{when}出现在这里。',
  'tour.when.none': '屏幕上有了网络之后（先训练一个，或打开预训练的网络）',
  'tour.when.opening': '预训练网络打开之后',
  'tour.when.training': '这次训练及其打分过程结束之后',
  'tour.when.scoring': '正在进行的打分过程结束之后',
  'tour.when.pruning': '剪枝面板准备好之后（稍等片刻）',
  'embed.open': '在完整的实验室中打开 ↗',
  'embed.share': '嵌入',
  'embed.share.help':
    '把这个图嵌入博客或课程页面的 <iframe>：热图和滑块、准确率与稀疏度图，或者导览，使用这个网络和这些设置。代码里附带一小段脚本，让 iframe 的高度随图调整；在不保留脚本的页面上，iframe 的默认高度在 600–800 像素宽时也能完整显示这个图。',
  'embed.view.prune': '热图和滑块',
  'embed.view.chart': '准确率与稀疏度',
  'embed.view.tour': '导览',
  'embed.view': '视图',
  'embed.copy': '复制嵌入代码',
  'embed.code': '嵌入代码',
  'embed.copied': '已复制嵌入代码。',
  'embed.manual': '请复制上面的代码（这里无法使用剪贴板）。',
  'embed.iframeTitle': '梯度剪枝实验室',
  'embed.theme': '配色',
  'embed.theme.help':
    '图的配色：无论读者的系统用什么都用浅色或深色，或者跟随读者的系统设置。请选择与你的页面相配的一种。',
  'embed.theme.light': '浅色',
  'embed.theme.dark': '深色',
  'embed.theme.auto': '跟随读者的系统设置',
  'present.on': '演示模式',
  'present.off': '退出演示模式',
  'about.title': '源自一篇博客文章，并加以修正',
  'about.lead':
    '本实验室源自一篇讲<b>梯度剪枝</b>的中文博客文章：训练一个 Keras MLP，计算每个权重的梯度，剪掉 |梯度| < T（T = 0.01）的权重，在训练集和验证集上评估，再微调。',
  'about.keeps':
    '<b>保留：</b>它的网络（Dense 64 → 32 → 10，ReLU，softmax）、Adam、交叉熵、规则 |∂L/∂w| < T 及其 T = 0.01、在两个数据集上的评估、微调。',
  'about.corrects':
    '<b>修正：</b>原文的梯度是 softmax 输出之和的梯度（恒为零），这里是损失的梯度；原文的剪枝把梯度的副本置零（什么也没改变），这里是作用在权重上的掩码；原文的微调让被剪掉的权重长回来，这里保持掩码不变。',
} satisfies Record<string, string>;
