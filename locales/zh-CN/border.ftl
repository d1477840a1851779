# 边界线 GeoJSON、界桩 CSV 与里程区间的校验错误提示。参考语言。
border-invalid-geojson = 边界文件不是有效的 GeoJSON，无法解析。解析程序给出的原因：{ $message }
border-not-feature-collection = 边界文件的顶层对象应为要素集合（FeatureCollection），实际为 { $found }。请将各段边界线作为要素放入同一个 FeatureCollection 中。
border-feature-without-id = 要素 #{ $index }（按文件中的顺序，从 0 起编号）缺少字符串类型的 id。id 应为 CN-MM-XSBN、CN-LA-XSBN 或 CN-XSBN-INTL 之一。
border-unknown-feature = 要素 #{ $index }（按文件中的顺序，从 0 起编号）的 id“{ $id }”无法识别。id 应为 CN-MM-XSBN（中缅段）、CN-LA-XSBN（中老段）或 CN-XSBN-INTL（合并后的整条边界线）之一。
border-duplicate-feature = 要素 #{ $index }（按文件中的顺序，从 0 起编号）的 id“{ $id }”与前面的要素重复。每个 id 在文件中只能出现一次。
border-not-line-string = 要素 #{ $index }（按文件中的顺序，从 0 起编号；id 为 { $id }）的几何类型应为 LineString，实际为 { $found }。
border-too-few-points = 一条线至少需要 2 个点，但要素 { $id } 仅有 { $count } 个点。
border-position-too-short = 要素 { $id } 的 { $vertex } 号顶点（从 0 起编号）坐标不完整：每个坐标至少应包含经度和纬度两个数值。
border-non-finite-coordinate = 要素 { $id } 的 { $vertex } 号顶点（从 0 起编号）坐标值不是有限数值（为 NaN 或无穷大）。
border-longitude-out-of-range = 要素 { $id } 的 { $vertex } 号顶点（从 0 起编号）经度为 { $lon }，超出 −180 至 180 度的范围。坐标应为 WGS84 经纬度（单位：度），并按“经度, 纬度”的顺序排列。
border-latitude-out-of-range = 要素 { $id } 的 { $vertex } 号顶点（从 0 起编号）纬度为 { $lat }，超出 −90 至 90 度的范围。坐标应为 WGS84 经纬度（单位：度），并按“经度, 纬度”的顺序排列。
border-zero-length = 要素 { $id } 的长度为零：其所有顶点位于同一位置。
border-missing-section = 边界文件缺少{ $id ->
        [CN-MM-XSBN] 中缅段
        [CN-LA-XSBN] 中老段
       *[other] 分段
    }要素（id 为 { $id }）。文件应同时包含 CN-MM-XSBN（中缅段）和 CN-LA-XSBN（中老段）两个 LineString 要素。
border-sections-do-not-join = 中缅段（CN-MM-XSBN）的终点与中老段（CN-LA-XSBN）的起点相距 { $gap_m } 米，超过允许的 { $tolerance_m } 米。两段应在中老缅三国交界点处首尾相接。
border-merged-vertex-count = 合并边界线（CN-XSBN-INTL）有 { $found } 个顶点，应为 { $expected } 个，即中缅段与中老段依次相接后的顶点数（三国交界点只计一次）。
border-merged-mismatch = 合并边界线（CN-XSBN-INTL）的 { $vertex } 号顶点（从 0 起编号）与中缅段、中老段依次相接后的对应顶点相距 { $offset_m } 米，超过允许的 { $tolerance_m } 米。
border-invalid-property = 要素 { $id } 的属性 { $name } 不是正数。该属性应为大于 0 的数值；如无此数据，请删除该属性或将其设为 null。
border-pillar-field-count = 界桩 CSV 第 { $line } 行有 { $found } 个字段，应为 3 个：依次为界桩号、经度、纬度（number,lon,lat），以英文逗号分隔。
border-pillar-without-number = 界桩 CSV 第 { $line } 行的界桩号为空。每行的第一个字段应为界桩号。
border-pillar-coordinate = 界桩 CSV 第 { $line } 行的{ $field ->
        [lon] 经度（lon）
        [lat] 纬度（lat）
       *[other] { $field } 字段
    }“{ $value }”不是有效的 WGS84 坐标。应为以度为单位的十进制数（如 21.5，而非度分秒），经度在 −180 至 180 之间，纬度在 −90 至 90 之间。
border-duplicate-pillar = 界桩 CSV 第 { $line } 行的界桩号“{ $number }”与前面某行重复。每个界桩号只能出现一次。
border-pillar-far-from-line = 界桩 CSV 第 { $line } 行的界桩“{ $number }”距边界线 { $distance_m } 米，超过允许的 { $max_distance_m } 米。请核对该界桩的坐标及经纬度顺序。
border-interval-not-finite = 里程区间 [{ $start_km }, { $end_km }]（单位：千米）的端点不是有限数值。起点和终点均应为沿边界线计量的有限千米数。
border-interval-reversed = 里程区间 [{ $start_km }, { $end_km }]（单位：千米）的起点大于终点。起点应不大于终点。
