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
record-outreach-team = ทีมเผยแพร่กฎหมาย
record-outreach-session = กิจกรรมเผยแพร่กฎหมาย
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
problem-unknown-format-detail = ไม่มีรูปแบบ { $value } โปรดใช้รูปแบบใดรูปแบบหนึ่งต่อไปนี้: { $allowed }
problem-incident-geometry-detail = เหตุการณ์ต้องส่งเป็น GeoJSON Feature ที่มี geometry เป็น Point และมีพิกัด [ลองจิจูด, ละติจูด] เป็นองศา WGS84
problem-incident-time-detail = เวลา occurred_at ต้องเป็นเวลาในรูปแบบ RFC 3339 ที่ระบุค่าชดเชยเขตเวลา (เช่น 2024-03-01T08:30:00+08:00) ตั้งแต่ปี { $min_year } เป็นต้นไป ค่าที่ได้รับ: { $value }
problem-incident-future-detail = เวลา occurred_at อยู่ในอนาคต (เร็วกว่านาฬิกาของเซิร์ฟเวอร์เกิน { $minutes } นาที) ค่าที่ได้รับ: { $value }
problem-incident-category-detail = ไม่มีประเภทเหตุการณ์ "{ $value }" ประเภทที่มีคือ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking และ other
problem-incident-count-detail = { $name } ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง { $max } ค่าที่ได้รับ: { $value }
problem-incident-text-detail = { $name } ต้องเป็นข้อความยาวไม่เกิน { $max } ตัวอักษร
problem-incident-far-detail = จุดนี้อยู่ห่างจากแนวชายแดน { $distance_km } กม. เกินกว่า { $max_km } กม. ที่อนุญาต โปรดตรวจสอบพิกัด (ลองจิจูดก่อน แล้วจึงละติจูด, WGS84)
problem-unknown-village-detail = ไม่มีหมู่บ้านรหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-outside-jurisdiction-detail = สถานที่ของเหตุการณ์นี้ (หมู่บ้านของเหตุการณ์ หรือเขตรับผิดชอบของจุดป้องกันร่วมตามแนวชายแดนช่วงที่ใกล้ที่สุด) อยู่นอกเขตความรับผิดชอบของคุณ จึงไม่มีการบันทึกข้อมูลใด ๆ
problem-visit-object-detail = การเยี่ยมแต่ละครั้งต้องเป็น JSON object ที่มี id, linkage_id, target, visited_at, lon, lat, accuracy_m, findings และ follow_ups
problem-visit-id-detail = id ของการเยี่ยมต้องเป็น UUID ที่สร้างขึ้นบนโทรศัพท์ (เช่น 6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11) ค่าที่ได้รับ: { $value }
problem-visit-target-detail = เป้าหมาย target ต้องเขียนเป็น {"{"}"kind": "village" หรือ "post", "id": จำนวนเต็มบวก{"}"} ค่าที่ได้รับ: { $value }
problem-visit-wrong-target-detail = { $kind ->
        [village] หมู่บ้าน
       *[post] จุดป้องกันร่วม
    }รหัส { $id } ไม่ใช่เป้าหมายของการจับคู่ช่วยเหลือ { $linkage } โปรดเลือกหมู่บ้านหรือจุดป้องกันร่วมของการจับคู่นั้น
problem-visit-time-detail = เวลา visited_at ต้องเป็นเวลาในรูปแบบ RFC 3339 ที่ระบุค่าชดเชยเขตเวลา (เช่น 2026-11-29T09:30:00+08:00) ตั้งแต่ปี { $min_year } เป็นต้นไป ค่าที่ได้รับ: { $value }
problem-visit-future-detail = เวลา visited_at เร็วกว่านาฬิกาของเซิร์ฟเวอร์เกิน { $minutes } นาที โปรดตรวจสอบนาฬิกาของโทรศัพท์ ค่าที่ได้รับ: { $value }
problem-visit-before-linkage-detail = การเยี่ยมวันที่ { $day } อยู่ก่อนวันเริ่มต้นของการจับคู่ช่วยเหลือ { $linkage } ({ $starts_on })
problem-visit-after-linkage-detail = การเยี่ยมวันที่ { $day } อยู่หลังวันสิ้นสุดของการจับคู่ช่วยเหลือ { $linkage } ({ $ends_on })
problem-visit-accuracy-detail = accuracy_m (ความแม่นยำของตำแหน่ง หน่วยเมตร) ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป ค่าที่ได้รับ: { $value }
problem-visit-findings-detail = findings ต้องเป็นรายการไม่เกิน { $max } รายการ แต่ละรายการเขียนเป็น {"{"}"kind": …, "text": …{"}"}
problem-visit-finding-kind-detail = สิ่งที่พบรายการที่ { $index } (นับจาก 0) มีประเภท "{ $value }" ซึ่งไม่มีอยู่ ประเภทที่มีคือ dispute, security_risk, livelihood_need และ other
problem-too-many-visits-detail = ซิงค์การเยี่ยมได้ครั้งละไม่เกิน { $max } รายการ แต่ส่งมา { $count } รายการ โปรดแบ่งส่งเป็นชุด
problem-visit-conflict-detail = การเยี่ยม id { $id } ถูกบันทึกไว้แล้วด้วยเนื้อหาที่ต่างกัน ไม่มีการเปลี่ยนแปลงใด ๆ โปรดส่งการเยี่ยมที่แก้ไขแล้วด้วย id ใหม่
problem-linkage-body-detail = การจับคู่ช่วยเหลือต้องส่งมาเป็น JSON object ที่มี department_id, village_id, post_id, starts_on (YYYY-MM-DD), village_visits_per_month และ post_visits_per_month ส่วน ends_on และ officer_ids ไม่บังคับ
problem-linkage-id-detail = { $name } ต้องเป็นรหัสของระเบียน ซึ่งเป็นจำนวนเต็มบวก ค่าที่ได้รับ: { $value }
problem-linkage-date-detail = { $name } ต้องเป็นวันที่ในรูปแบบ YYYY-MM-DD (เช่น 2025-01-01) ระหว่างปี ค.ศ. 2000 ถึง 2100 ค่าที่ได้รับ: { $value }
problem-linkage-month-detail = พารามิเตอร์ { $name } ต้องเป็นเดือนในรูปแบบ YYYY-MM (เช่น 2025-03) ระหว่างปี ค.ศ. 2000 ถึง 2100 ค่าที่ได้รับ: { $value }
problem-linkage-reversed-months-detail = ช่วงเดือนกลับด้าน: เดือนเริ่มต้น from ({ $from }) ต้องไม่อยู่หลังเดือนสิ้นสุด to ({ $to })
problem-linkage-visits-detail = { $name } คือจำนวนครั้งที่ต้องเยี่ยมในแต่ละเดือน ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง { $max } ค่าที่ได้รับ: { $value }
problem-linkage-officers-detail = officer_ids ต้องเป็นรายการรหัสผู้ใช้ไม่เกิน { $max } รายการ
problem-linkage-ends-before-start-detail = การจับคู่ช่วยเหลือจะสิ้นสุด ({ $ends_on }) ก่อนวันเริ่มต้น ({ $starts_on }) ไม่ได้ ends_on คือวันสุดท้ายของการจับคู่
problem-linkage-unknown-post-detail = ไม่มีจุดป้องกันร่วมรหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-linkage-unknown-department-detail = ไม่มีหน่วยงานรหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-linkage-department-area-detail = หมู่บ้าน { $village } อยู่นอกพื้นที่ปฏิบัติงานของหน่วยงาน { $department } หน่วยงานหนึ่งจับคู่ได้เฉพาะกับหมู่บ้านที่อยู่ในเขตปกครองของหน่วยงานนั้นเองเท่านั้น
problem-linkage-unknown-officer-detail = ไม่มีผู้ใช้รหัส { $value } ในเขตความรับผิดชอบของคุณหรือในหน่วยงานของการจับคู่นี้
problem-linkage-officer-department-detail = ผู้ใช้ { $officer } ไม่ได้สังกัดหน่วยงาน { $department } ผู้รับผิดชอบการจับคู่ต้องมาจากหน่วยงานของการจับคู่นั้น
problem-linkage-officer-role-detail = ผู้ใช้ { $officer } ไม่ใช่เจ้าหน้าที่ประสานงาน มีเพียงเจ้าหน้าที่ประสานงานเท่านั้นที่เป็นผู้รับผิดชอบการจับคู่ได้
problem-linkage-officer-inactive-detail = บัญชีของผู้ใช้ { $officer } ถูกปิดการใช้งานแล้ว โปรดเลือกเจ้าหน้าที่ประสานงานที่ยังใช้งานอยู่
problem-linkage-overlap-detail = การจับคู่ช่วยเหลือ { $existing } (เริ่มตั้งแต่ { $starts_on }) จับคู่หน่วยงานนี้กับหมู่บ้านและจุดป้องกันร่วมนี้แล้วในช่วงเวลาที่ทับซ้อนกัน โปรดสิ้นสุดการจับคู่นั้นก่อน หรือเลือกวันที่ที่ไม่ทับซ้อน
problem-linkage-pair-fixed-detail = การจับคู่นี้มีการเยี่ยมที่บันทึกไว้แล้ว { $visits } ครั้ง จึงเปลี่ยนหน่วยงาน หมู่บ้าน และจุดป้องกันร่วมไม่ได้ โปรดสิ้นสุดการจับคู่นี้แล้วสร้างการจับคู่ใหม่
problem-patrol-shape-detail = การลาดตระเวนต้องเขียนเป็น {"{"}"post_id": รหัสด่าน, "track": {"{"}"type": "LineString", "coordinates": [[ลองจิจูด, ละติจูด], …]{"}"}, "times": [เวลา RFC 3339 ของแต่ละจุด, …]{"}"} หรืออัปโหลดเป็นไฟล์ GPX 1.1 (Content-Type: application/gpx+xml พร้อม ?post_id= ในที่อยู่)
problem-patrol-too-few-points-detail = เส้นทางลาดตระเวนต้องมีอย่างน้อย 2 จุด ได้รับ { $count } จุด
problem-patrol-too-many-points-detail = เส้นทางมี { $count } จุด แต่อนุญาตสูงสุด { $max } จุด โปรดอัปโหลดเป็นส่วน ๆ
problem-patrol-position-detail = จุดที่ { $index } (นับจาก 0) มีตำแหน่งไม่ถูกต้อง: ต้องเป็นลองจิจูด WGS84 (-180 ถึง 180) และละติจูด (-90 ถึง 90)
problem-patrol-time-detail = เวลาของจุดที่ { $index } (นับจาก 0) ต้องเป็นเวลาในรูปแบบ RFC 3339 ที่ระบุค่าชดเชยเขตเวลา (เช่น 2026-11-29T09:30:00+08:00) ค่าที่ได้รับ: { $value }
problem-patrol-not-ascending-detail = จุดที่ { $index } (นับจาก 0) มีเวลาก่อนจุดก่อนหน้า เวลาของเส้นทางต้องเรียงตามลำดับ
problem-patrol-future-detail = เวลาของจุดที่ { $index } (นับจาก 0) เร็วกว่านาฬิกาของเซิร์ฟเวอร์ โปรดตรวจสอบนาฬิกาของอุปกรณ์ ค่าที่ได้รับ: { $value }
problem-patrol-times-count-detail = เส้นทางมี { $count } พิกัด แต่มี { $times } เวลา ต้องมีเวลาหนึ่งค่าต่อหนึ่งพิกัด
problem-patrol-gpx-detail = ไม่สามารถอ่านไฟล์ GPX ได้: { $reason }

# การเผยแพร่กฎหมาย: ทีม กิจกรรม และปฏิทิน
record-calendar-feed = ที่อยู่ปฏิทิน
problem-outreach-body-detail = เนื้อหาคำขอต้องเป็นออบเจ็กต์ JSON
problem-outreach-id-detail = { $name } ต้องเป็นรหัสของระเบียน ซึ่งเป็นจำนวนเต็มบวก; ได้รับ: { $value }
problem-outreach-time-detail = { $name } ต้องเป็นเวลาแบบ RFC 3339 พร้อมค่าชดเชยเขตเวลา (เช่น 2027-01-10T09:00:00+08:00) ระหว่างปี 2000 ถึง 2100; ได้รับ: { $value }
problem-outreach-ends-before-start-detail = กิจกรรมต้องสิ้นสุดหลังเวลาเริ่ม; กิจกรรมนี้เริ่ม { $starts_at } และสิ้นสุด { $ends_at }
problem-outreach-too-long-detail = กิจกรรมหนึ่งครั้งยาวได้ไม่เกิน { $max } ชั่วโมง; โปรดแบ่งรายการที่ยาวกว่านั้นเป็นหลายครั้ง
problem-outreach-language-detail = { $name } ต้องเป็นหนึ่งในภาษา zh, khb, hni, ahk, lhu, blr, ium, jiu, lo, my, th และ en (รหัส BCP 47); ได้รับ: { $value }
problem-outreach-status-detail = พารามิเตอร์ status ต้องเป็น planned, held หรือ cancelled; ได้รับ: { $value }
problem-outreach-level-detail = ระดับภาษาต้องเป็น native, fluent หรือ basic; ได้รับ: { $value }
problem-outreach-topic-detail = { $name } มีหัวข้อที่ไม่รู้จัก "{ $value }"; หัวข้อที่ใช้ได้คือ border_law, anti_drug, anti_fraud, anti_trafficking, marriage_law, land_disputes และ entry_exit
problem-outreach-topics-detail = { $name } ต้องระบุหัวข้อ 1 ถึง { $max } หัวข้อ
problem-outreach-presenters-detail = presenter_ids ต้องระบุผู้บรรยาย 1 ถึง { $max } คนตามรหัสสมาชิก
problem-outreach-text-detail = { $name } ต้องเป็นข้อความยาว 1 ถึง { $max } ตัวอักษร
problem-zawgyi-detail = { $name } ดูเหมือนเป็นภาษาพม่าที่พิมพ์ด้วยการเข้ารหัส Zawgyi ซึ่งอ่านได้เฉพาะบนโทรศัพท์ที่มีฟอนต์ Zawgyi: { $rule ->
        [vowel-e] สระ E (ေ) อยู่หน้าพยัญชนะ
        [killer] เครื่องหมาย U+1039 ใช้ปิดพยางค์แทนการซ้อนพยัญชนะ
        [medial] พยัญชนะควบอยู่หน้าพยัญชนะต้น
        [medial-order] พยัญชนะควบไม่ได้เรียงตามลำดับ ya, ra, wa, ha
        [asat] เครื่องหมาย asat (U+103A) ตามด้วยสระหรือพยัญชนะควบ
        [vowel-order] สระเรียงในลำดับที่ Unicode ไม่ใช้
       *[form] ใช้รูปอักษรแบบเฉพาะของ Zawgyi
    } (ตัวอักษรที่ { $position }, { $character }) โปรดเปลี่ยนแป้นพิมพ์เป็น Unicode หรือแปลงข้อความเป็น Unicode แล้วส่งใหม่
problem-outreach-team-code-detail = รหัสทีมต้องเป็นตัวอักษร ตัวเลข - หรือ _ จำนวน 1 ถึง 32 ตัว; ได้รับ: { $value }
problem-outreach-members-detail = members ต้องระบุสมาชิก 1 ถึง { $max } คน
problem-outreach-member-languages-detail = สมาชิก { $member } ต้องระบุภาษา 1 ถึง { $max } ภาษา ภาษาละครั้ง ในรูป {"{"}"language": รหัสภาษา, "level": "native", "fluent" หรือ "basic"{"}"}
problem-outreach-attendance-detail = { $name } ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง { $max }; ได้รับ: { $value }
problem-outreach-attendance-part-detail = { $name } ({ $count }) ต้องไม่มากกว่าจำนวนผู้เข้าร่วมทั้งหมด ({ $total })
problem-outreach-unknown-team-detail = ไม่มีทีมเผยแพร่กฎหมายรหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-outreach-unknown-user-detail = ไม่มีผู้ใช้รหัส { $value } ในเขตความรับผิดชอบของคุณ
problem-outreach-not-member-detail = สมาชิก { $member } ไม่ได้อยู่ในทีม { $team }; ผู้บรรยายต้องเป็นสมาชิกของทีมนั้น
problem-outreach-no-fluent-presenter-detail = ไม่มีผู้บรรยายคนใดพูดภาษาของกิจกรรม ({ $language }) ได้คล่อง ({ $presenters }) โปรดเพิ่มผู้บรรยายที่พูดภาษานี้ได้คล่องหรือเป็นภาษาแม่ หรือจัดกิจกรรมเป็นภาษาอื่น
problem-outreach-village-language-detail = ภาษาของ { $village } ({ $listed }) ไม่มี { $language } โปรดจัดกิจกรรมด้วยภาษาใดภาษาหนึ่งในนั้น หรือระบุล่าม
problem-outreach-presenter-booked-detail = { $presenter } มีกำหนดบรรยายกิจกรรมที่ { $session } ที่ { $village } อยู่แล้ว ({ $starts_at } ถึง { $ends_at }) การเดินทางระหว่างสองหมู่บ้านใช้เวลา { $travel_minutes } นาที (ทางถนน { $road_km } กม.) แต่สองกิจกรรมห่างกันเพียง { $gap_minutes } นาที
problem-outreach-team-booked-detail = ทีม { $team } มีกิจกรรมที่ { $session } ที่ { $village } อยู่แล้ว ({ $starts_at } ถึง { $ends_at }) การเดินทางระหว่างสองหมู่บ้านใช้เวลา { $travel_minutes } นาที (ทางถนน { $road_km } กม.) แต่สองกิจกรรมห่างกันเพียง { $gap_minutes } นาที
problem-outreach-not-planned-detail = กิจกรรมที่ { $session } { $status ->
        [held] จัดไปแล้ว
        [cancelled] ถูกยกเลิกแล้ว
       *[other] มีสถานะ { $status }
    }; บันทึกว่าจัดแล้วหรือยกเลิกได้เฉพาะกิจกรรมที่ยังอยู่ในแผน
problem-outreach-not-started-detail = กิจกรรมที่ { $session } เริ่ม { $starts_at }; บันทึกว่าจัดแล้วได้เมื่อกิจกรรมเริ่มแล้วเท่านั้น
