/** Messages of the store stage. Same keys in both locales. */
export const store: Record<string, string> = {
  'store.error.quota': '存储空间不足（已用 {usage}，上限 {quota}），本次写入已取消，未保存任何部分数据。请删除不用的数据集或导出工作区备份后再试。',
  'store.error.not-found': '找不到数据集 {id}，它可能已在另一个标签页中被删除。',
  'store.error.invalid-state': '数据集 {id} 当前状态为“{status}”，不能执行此操作。',
  'store.error.backup-format': '这不是本系统的工作区备份文件，或文件已损坏（{field}）。未做任何更改。',
  'store.error.backup-version': '备份文件版本 {version} 无法读取，请使用更新版本的应用。未做任何更改。',
  'store.error.newer-version': '本应用已在另一个标签页中更新，请刷新本页后继续。',
  'store.error.closed': '数据库尚未打开或已关闭，请刷新本页。',
  'store.banner.memory': '浏览器不允许保存数据（隐私模式或存储被禁用）：数据只保存在本页内存中，关闭页面即丢失。请及时导出工作区备份。',
  'store.banner.reload': '本应用已在另一个标签页中更新，请刷新本页。',
  'store.persist.granted': '浏览器已同意长期保存本地数据。',
  'store.persist.denied': '浏览器未承诺长期保存本地数据，存储空间紧张时可能被清除，建议定期导出工作区备份。',
  'store.persist.unknown': '无法确定浏览器是否会长期保存本地数据。',
  'store.usage': '已用 {usage}，上限 {quota}',
  'store.deleted': '已删除“{name}”。',
  'store.undo': '撤销',
  'store.restored': '已恢复 {datasets} 个数据集、{observations} 个数值；{skipped} 项已存在，保留原有内容。',
};
