# Thai (ไทย): API error messages (RFC 7807 problem+json title and detail), also shown on pages.
# Complete, as every locale of i18n::PUBLIC_COMPLETE must be; translated by a non-native
# speaker, so a native speaker should review every message.
problem-not-found-title = ไม่พบข้อมูล
problem-not-found-detail = ไม่พบ{ $kind }รหัส { $id } หรือ{ $kind }นี้อยู่นอกเขตความรับผิดชอบของคุณ
problem-route-not-found-title = ไม่พบข้อมูล
problem-route-not-found-detail = ไม่มี API ปลายทางนี้: { $path }
problem-bad-request-title = คำขอไม่ถูกต้อง
problem-invalid-bbox-detail = พารามิเตอร์ bbox ต้องเป็นตัวเลขสี่ค่า "minLon,minLat,maxLon,maxLat" (องศา WGS84) โดยค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด ลองจิจูดอยู่ระหว่าง −180…180 และละติจูดอยู่ระหว่าง −90…90 ค่าที่ได้รับ: { $value }
problem-invalid-limit-detail = พารามิเตอร์ limit ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง { $max } ค่าที่ได้รับ: { $value }
problem-invalid-offset-detail = พารามิเตอร์ offset ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป ค่าที่ได้รับ: { $value }
problem-invalid-id-detail = รหัสต้องเป็นจำนวนเต็มบวก ค่าที่ได้รับ: { $value }
problem-invalid-query-detail = อ่านพารามิเตอร์ของคำขอไม่ได้: { $reason }
problem-invalid-body-detail = อ่านเนื้อหาของคำขอไม่ได้: { $reason }
problem-unavailable-title = บริการไม่พร้อมใช้งานชั่วคราว
problem-unavailable-detail = เชื่อมต่อฐานข้อมูลไม่ได้ โปรดลองใหม่อีกครั้งภายหลัง
problem-internal-title = เกิดข้อผิดพลาดภายในเซิร์ฟเวอร์
problem-internal-detail = เกิดข้อผิดพลาดระหว่างดำเนินการตามคำขอ โปรดแจ้งรหัสคำขอ { $request_id } แก่ผู้ดูแลระบบ

record-village = หมู่บ้าน
record-post = จุดป้องกันร่วม
record-incident = เหตุการณ์ชายแดน
problem-missing-parameter-detail = ขาดพารามิเตอร์ { $name }
problem-invalid-position-detail = พิกัดต้องเป็นองศา WGS84 โดยลองจิจูด lon อยู่ระหว่าง −180…180 และละติจูด lat อยู่ระหว่าง −90…90 ค่าที่ได้รับ: lon={ $lon }, lat={ $lat }
problem-invalid-position-at-detail = จุดที่ { $index } (นับจาก 0) ไม่ใช่พิกัด WGS84 ที่ถูกต้อง โปรดส่งเป็น [lon, lat] หรือ {"{"}"lon": …, "lat": …{"}"} โดยลองจิจูดอยู่ระหว่าง −180…180 และละติจูดอยู่ระหว่าง −90…90
problem-too-many-points-detail = ระบุตำแหน่งได้ครั้งละไม่เกิน { $max } จุด แต่ส่งมา { $count } จุด โปรดแบ่งส่งเป็นชุด
problem-payload-too-large-title = เนื้อหาคำขอใหญ่เกินไป
problem-payload-too-large-detail = เนื้อหาคำขอใหญ่เกินขนาดที่อนุญาต ({ $limit } ไบต์) โปรดแบ่งส่งเป็นชุด
record-user = ผู้ใช้
record-token = โทเค็น
problem-conflict-title = ข้อมูลซ้ำกัน
problem-conflict-detail = มีข้อมูลชื่อนี้อยู่แล้ว
problem-weak-password-detail = รหัสผ่านต้องมีอย่างน้อย { $min } ตัวอักษร
problem-unknown-role-detail = ไม่มีบทบาท "{ $value }" บทบาทที่มีคือ admin, official, liaison_officer, outreach_coordinator, outreach_member และ post_staff
problem-unknown-jurisdiction-detail = ไม่มีเขตการปกครองรหัส "{ $value }"
problem-unauthenticated-title = ต้องเข้าสู่ระบบ
problem-unauthenticated-detail = โปรดเข้าสู่ระบบก่อน หรือแนบโทเค็นที่ถูกต้องมากับคำขอ (Authorization: Bearer …)
problem-forbidden-title = ไม่มีสิทธิ์เข้าถึง
problem-forbidden-detail = บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้
problem-login-failed-title = เข้าสู่ระบบไม่สำเร็จ
problem-login-failed-detail = ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง
problem-login-throttled-title = พยายามหลายครั้งเกินไป
problem-login-throttled-detail = เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป โปรดลองใหม่ในอีก { $seconds } วินาที
problem-invalid-time-detail = พารามิเตอร์ { $name } ต้องเป็นเวลาในรูปแบบ RFC 3339 (เช่น 2024-01-01T00:00:00+08:00) ค่าที่ได้รับ: { $value }
problem-invalid-year-detail = พารามิเตอร์ year ต้องเป็นปี ค.ศ. ตั้งแต่ { $min } ถึง { $max } (เช่น 2024) ค่าที่ได้รับ: { $value }
problem-invalid-bin-km-detail = พารามิเตอร์ bin_km (ความยาวของแนวชายแดนแต่ละช่วง หน่วยกิโลเมตร) ต้องเป็นตัวเลขตั้งแต่ { $min } ถึง { $max } ค่าที่ได้รับ: { $value }
problem-years-not-ascending-detail = ปีที่นำมาเปรียบเทียบ (compare) ต้องอยู่หลังปีฐาน (base) ค่าที่ได้รับ: base={ $base }, compare={ $compare }
problem-unknown-period-detail = พารามิเตอร์ period ต้องเป็น month (เดือน), quarter (ไตรมาส) หรือ year (ปี) ค่าที่ได้รับ: { $value }
problem-invalid-month-or-date-detail = พารามิเตอร์ { $name } ต้องเป็นวันที่ (YYYY-MM-DD เช่น 2024-03-15) หรือเดือน (YYYY-MM เช่น 2024-03) ระหว่างปี ค.ศ. 2000 ถึง 2100 ค่าที่ได้รับ: { $value }
problem-too-many-cells-detail = แนวชายแดน { $bins } ช่วง × { $periods } ช่วงเวลา รวมเป็น { $cells } ช่อง เกินขีดจำกัด { $max } ช่องต่อการสอบถามหนึ่งครั้ง กรุณาเพิ่มความยาวของแต่ละช่วง (bin_km) ใช้ช่วงเวลาที่ยาวขึ้น (period=quarter หรือ year) หรือลดช่วงวันที่ลง (from, to)
problem-unknown-grouping-detail = พารามิเตอร์ by ต้องเป็น total (รวม), section (ส่วนของชายแดน), bin (ช่วงกิโลเมตร), category (ประเภท) หรือ county (อำเภอ) ค่าที่ได้รับ: { $value }
problem-invalid-cell-km-detail = พารามิเตอร์ cell_km (ความยาวด้านของแต่ละช่องตาราง หน่วยกิโลเมตร) ต้องเป็นตัวเลขตั้งแต่ { $min } ถึง { $max } ค่าที่ได้รับ: { $value }
problem-invalid-alpha-detail = พารามิเตอร์ alpha (อัตราการค้นพบที่ผิดพลาดที่ยอมรับได้) ต้องเป็นตัวเลขที่มากกว่า 0 และน้อยกว่า 0.5 เช่น 0.05 ค่าที่ได้รับ: { $value }
problem-incident-geometry-detail = เหตุการณ์ต้องส่งเป็น GeoJSON Feature ที่มี geometry เป็น Point และมีพิกัด [ลองจิจูด, ละติจูด] เป็นองศา WGS84
problem-incident-time-detail = เวลา occurred_at ต้องเป็นเวลาในรูปแบบ RFC 3339 ที่ระบุค่าชดเชยเขตเวลา (เช่น 2024-03-01T08:30:00+08:00) ตั้งแต่ปี { $min_year } เป็นต้นไป ค่าที่ได้รับ: { $value }
problem-incident-future-detail = เวลา occurred_at อยู่ในอนาคต (เร็วกว่านาฬิกาของเซิร์ฟเวอร์เกิน { $minutes } นาที) ค่าที่ได้รับ: { $value }
problem-incident-category-detail = ไม่มีประเภทเหตุการณ์ "{ $value }" ประเภทที่มีคือ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking และ other
problem-incident-count-detail = { $name } ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง { $max } ค่าที่ได้รับ: { $value }
problem-incident-text-detail = { $name } ต้องเป็นข้อความยาวไม่เกิน { $max } ตัวอักษร
problem-incident-far-detail = จุดนี้อยู่ห่างจากแนวชายแดน { $distance_km } กม. เกินกว่า { $max_km } กม. ที่อนุญาต โปรดตรวจสอบพิกัด (ลองจิจูดก่อน แล้วจึงละติจูด, WGS84)
problem-unknown-village-detail = ไม่มีหมู่บ้านรหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-outside-jurisdiction-detail = สถานที่ของเหตุการณ์นี้ (หมู่บ้านของเหตุการณ์ หรือเขตรับผิดชอบของจุดป้องกันร่วมตามแนวชายแดนช่วงที่ใกล้ที่สุด) อยู่นอกเขตความรับผิดชอบของคุณ จึงไม่มีการบันทึกข้อมูลใด ๆ
