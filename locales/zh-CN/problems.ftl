# API error messages (RFC 7807 problem+json title and detail). Reference locale.
problem-not-found-title = 未找到
problem-not-found-detail = 编号为 { $id } 的{ $kind }不存在，或不在您的管辖范围内。
problem-route-not-found-title = 未找到
problem-route-not-found-detail = 没有这个接口：{ $path }
problem-bad-request-title = 请求有误
problem-invalid-bbox-detail = 参数 bbox 应为“最小经度,最小纬度,最大经度,最大纬度”四个数（WGS84 度），最小值不大于最大值，经度在 −180…180、纬度在 −90…90 之间；收到的是：{ $value }
problem-invalid-limit-detail = 参数 limit 应为 1 到 { $max } 之间的整数；收到的是：{ $value }
problem-invalid-offset-detail = 参数 offset 应为不小于 0 的整数；收到的是：{ $value }
problem-invalid-id-detail = 编号应为正整数；收到的是：{ $value }
problem-invalid-query-detail = 查询参数无法解析：{ $reason }
problem-invalid-body-detail = 请求内容无法解析：{ $reason }
problem-unavailable-title = 服务暂不可用
problem-unavailable-detail = 数据库无法连接，请稍后再试。
problem-internal-title = 服务器内部错误
problem-internal-detail = 处理请求时出错。请把请求编号 { $request_id } 告知管理员。

record-village = 村寨
record-post = 联防所
record-incident = 涉边案事件
problem-missing-parameter-detail = 缺少参数 { $name }。
problem-invalid-position-detail = 坐标应为 WGS84 经纬度（度）：经度 lon 在 −180…180，纬度 lat 在 −90…90；收到的是 lon={ $lon }，lat={ $lat }
problem-invalid-position-at-detail = 第 { $index } 个点（从 0 数起）不是有效的 WGS84 经纬度：应为 [经度, 纬度] 或 {"{"}"lon": …, "lat": …{"}"}，经度在 −180…180、纬度在 −90…90。
problem-too-many-points-detail = 一次最多定位 { $max } 个点，本次提交了 { $count } 个，请分批提交。
problem-payload-too-large-title = 请求内容过大
problem-payload-too-large-detail = 请求内容超过了允许的大小（{ $limit } 字节），请分批提交。
