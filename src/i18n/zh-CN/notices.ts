/**
 * 简体中文：状态发出的消息（提示、错误、粘贴链接时的询问）以及提示面板。键与 `../en/notices.ts` 相同
 * （类型保证不缺不多）。`{detail}`、`{reason}` 是别处给出的原文：worker 或浏览器的报错，或文件校验器的英文说明。
 */
import type { notices as en } from '../en/notices';

export const notices: Record<keyof typeof en, string> = {
  'field.tooLong': '{label}：值太长',
  'field.notOneOf': '{label}：“{value}”不是以下取值之一：{values}',
  'field.notNumber': '{label}：“{value}”不是数字',
  'field.notFinite': '{label}：“{value}”不是有限的数',
  'field.notWhole': '{label}：{value} 不是整数',
  'field.outside': '{label}：{value} 超出范围 {min}–{max}',
  'field.listLength': '{label}：“{value}”有 {count} 个值，应为 {min} 到 {max} 个',
  'field.keeping': '{error}；保留 {value}。',
  'field.helpRange': '{help}{range}',
  'url.setting': '已忽略网址参数“{key}”（{error}），改用 {value}。',
  'url.hide.tooLong': '已忽略网址参数“hide”：值太长。',
  'url.hide.unknown': '网址参数“hide”：已忽略 {n} 个未知面板 {names}；可用的面板有 {panels}。',
  'url.notFlag': '已忽略网址参数“{key}”：“{value}”不是 1 或 0。',
  'url.snapshot': '已忽略网址参数“snapshot”：“{value}”不是以下取值之一：{choices}。',
  'url.badChoice': '已忽略网址参数“{key}”：“{value}”不是以下取值之一：{choices}。',
  'url.lang': '已忽略网址参数“lang”：“{value}”不是 en 或 zh-CN。',
  'url.tour': '已忽略网址参数“tour”：“{value}”不是步骤编号。',
  'url.table.tooLong': '已忽略网址参数“table”：名字超过 {max} 个字符。',
  'link.table':
    '这个链接训练的是你自己的表格“{name}”，但本页没有加载它：链接从不包含表格的数据。请在“你自己的数据”中加载 {name} 再训练，或在训练面板中选择一个内置数据集；在此之前不会训练任何东西。',
  'link.prompt.train': '这个链接会训练一个新网络：你现在的网络将被替换。',
  'link.prompt.snapshot': '这个链接会打开预训练的 {name} 网络：你现在的网络将被替换。',
  'link.prompt.none': '这个链接会打开一个空白的实验室：你现在的网络将被替换。',
  'link.replace': '打开链接中的网络',
  'link.keep': '保留我的网络，使用链接中的设置',
  'update.ready': '实验室有新版本可用。重新加载即可使用。',
  'update.reload': '重新加载',
  'update.later': '稍后',
  'update.loses.run': '正在训练中：现在重新加载会停止训练，正在训练的网络将会丢失。',
  'update.loses.job': '有实验正在运行：现在重新加载会停止它，其结果将会丢失。',
  'update.loses.work': '重新加载会丢失你现在的网络及其结果。如需保留，请先下载 run.json（分享与导出）。',
  'update.reloadAnyway': '仍然重新加载',
  'notice.dismiss': '关闭提示',
  'error.label': '错误：',
  'error.restart': '重新开始训练',
  'error.reset': '重置',
  'error.worker': '训练 worker 报告：{detail}',
  'fault.running': '{message} 训练已停止，后端正在重新启动。',
  'fault.idle': '{message} 后端正在重新启动，你的结果已保留。',
  'fault.workerStopped': '训练 worker 已停止（{detail}），已启动一个新的 worker。',
  'snapshot.failed': '无法打开预训练的 {name} 网络（{reason}）。实验室以空白状态启动：点击“训练”即可训练一个网络。',
  'snapshot.unreadable': '{url} 不是本实验室能读取的快照：{reason}',
  'snapshot.otherNetwork': '其中是一个 {name} 网络',
  'import.refused': '无法导入这个运行文件：{reason}。',
  'import.needsTable':
    '这个运行是在你自己的数据 {name}（SHA-256 {hash}…）上训练的：请先在“你的数据”中载入该文件，再重新导入运行。运行文件中不包含表格的数值。',
  'import.tableSplit':
    '已载入表格 {name}，但其划分或准备方式与这个运行不同：请把随机种子设为 {seed}，并恢复当时的标签列和选项，然后重新导入。',
  'import.done': '已导入 {date} 的 run.json：设置、权重和梯度统计均已恢复，无需重新训练（没有训练曲线）。',
  'import.doneSkipped':
    '已导入 {date} 的 run.json：设置、权重和梯度统计均已恢复，无需重新训练（没有训练曲线）。以下设置未恢复：{skipped}。',
  'import.tooLarge':
    '{exact, plural, =1 {这个文件有 {size} 字节，而运行文件最大为 {max} 字节。} other {这个文件有 {size} MB，而运行文件最大为 {max} MB。}}文件未被读取。',
  'import.unreadable': '无法读取这个文件：{detail}',
};
