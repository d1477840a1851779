# Lao (ລາວ): API error messages (RFC 7807 problem+json title and detail), also shown on pages.
# Complete, as every locale of i18n::PUBLIC_COMPLETE must be; translated by a non-native
# speaker, so a native speaker should review every message.
problem-not-found-title = ບໍ່ພົບຂໍ້ມູນ
problem-not-found-detail = ບໍ່ພົບ{ $kind }ລະຫັດ { $id }, ຫຼື { $kind }ນີ້ຢູ່ນອກເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ.
problem-route-not-found-title = ບໍ່ພົບຂໍ້ມູນ
problem-route-not-found-detail = ບໍ່ມີ API ປາຍທາງນີ້: { $path }
problem-bad-request-title = ຄຳຮ້ອງຂໍບໍ່ຖືກຕ້ອງ
problem-invalid-bbox-detail = ພາຣາມິເຕີ bbox ຕ້ອງເປັນຕົວເລກສີ່ຄ່າ "minLon,minLat,maxLon,maxLat" (ອົງສາ WGS84), ຄ່າຕ່ຳສຸດຕ້ອງບໍ່ເກີນຄ່າສູງສຸດ, ເສັ້ນແວງຢູ່ລະຫວ່າງ −180…180 ແລະ ເສັ້ນຂະໜານຢູ່ລະຫວ່າງ −90…90; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-limit-detail = ພາຣາມິເຕີ limit ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 1 ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-offset-detail = ພາຣາມິເຕີ offset ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 0 ຂຶ້ນໄປ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-id-detail = ລະຫັດຕ້ອງເປັນຈຳນວນເຕັມບວກ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-query-detail = ບໍ່ສາມາດອ່ານພາຣາມິເຕີຂອງຄຳຮ້ອງຂໍໄດ້: { $reason }
problem-invalid-body-detail = ບໍ່ສາມາດອ່ານເນື້ອໃນຂອງຄຳຮ້ອງຂໍໄດ້: { $reason }
problem-unavailable-title = ບໍລິການບໍ່ພ້ອມໃຊ້ງານຊົ່ວຄາວ
problem-unavailable-detail = ບໍ່ສາມາດເຊື່ອມຕໍ່ຖານຂໍ້ມູນໄດ້. ກະລຸນາລອງໃໝ່ພາຍຫຼັງ.
problem-internal-title = ເກີດຂໍ້ຜິດພາດພາຍໃນເຊີບເວີ
problem-internal-detail = ເກີດຂໍ້ຜິດພາດໃນລະຫວ່າງດຳເນີນການຕາມຄຳຮ້ອງຂໍ. ກະລຸນາແຈ້ງລະຫັດຄຳຮ້ອງຂໍ { $request_id } ໃຫ້ຜູ້ຄຸ້ມຄອງລະບົບ.

record-village = ບ້ານ
record-post = ຈຸດປ້ອງກັນຮ່ວມ
record-incident = ເຫດການຊາຍແດນ
problem-missing-parameter-detail = ຂາດພາຣາມິເຕີ { $name }.
problem-invalid-position-detail = ພິກັດຕ້ອງເປັນອົງສາ WGS84: ເສັ້ນແວງ lon ຢູ່ລະຫວ່າງ −180…180 ແລະ ເສັ້ນຂະໜານ lat ຢູ່ລະຫວ່າງ −90…90; ຄ່າທີ່ໄດ້ຮັບ: lon={ $lon }, lat={ $lat }
problem-invalid-position-at-detail = ຈຸດທີ { $index } (ນັບແຕ່ 0) ບໍ່ແມ່ນພິກັດ WGS84 ທີ່ຖືກຕ້ອງ: ກະລຸນາສົ່ງເປັນ [lon, lat] ຫຼື {"{"}"lon": …, "lat": …{"}"}, ເສັ້ນແວງຢູ່ລະຫວ່າງ −180…180 ແລະ ເສັ້ນຂະໜານຢູ່ລະຫວ່າງ −90…90.
problem-too-many-points-detail = ກຳນົດຕຳແໜ່ງໄດ້ເທື່ອລະບໍ່ເກີນ { $max } ຈຸດ, ແຕ່ສົ່ງມາ { $count } ຈຸດ. ກະລຸນາແບ່ງສົ່ງເປັນຊຸດ.
problem-payload-too-large-title = ເນື້ອໃນຄຳຮ້ອງຂໍໃຫຍ່ເກີນໄປ
problem-payload-too-large-detail = ເນື້ອໃນຄຳຮ້ອງຂໍໃຫຍ່ເກີນຂະໜາດທີ່ອະນຸຍາດ ({ $limit } ໄບ). ກະລຸນາແບ່ງສົ່ງເປັນຊຸດ.
record-user = ຜູ້ໃຊ້
record-token = ໂທເຄັນ
record-outreach-team = ທີມເຜີຍແຜ່ກົດໝາຍ
record-outreach-session = ກອງປະຊຸມເຜີຍແຜ່ກົດໝາຍ
problem-conflict-title = ຂໍ້ມູນຊ້ຳກັນ
problem-conflict-detail = ມີຂໍ້ມູນຊື່ນີ້ຢູ່ແລ້ວ.
problem-weak-password-detail = ລະຫັດຜ່ານຕ້ອງມີຢ່າງໜ້ອຍ { $min } ຕົວອັກສອນ.
problem-unknown-role-detail = ບໍ່ມີບົດບາດ "{ $value }"; ບົດບາດທີ່ມີແມ່ນ admin, official, liaison_officer, outreach_coordinator, outreach_member ແລະ post_staff.
problem-unknown-jurisdiction-detail = ບໍ່ມີເຂດການປົກຄອງທີ່ມີລະຫັດ "{ $value }".
problem-unauthenticated-title = ຕ້ອງເຂົ້າສູ່ລະບົບ
problem-unauthenticated-detail = ກະລຸນາເຂົ້າສູ່ລະບົບກ່ອນ, ຫຼື ແນບໂທເຄັນທີ່ຖືກຕ້ອງມາກັບຄຳຮ້ອງຂໍ (Authorization: Bearer …).
problem-forbidden-title = ບໍ່ມີສິດເຂົ້າເຖິງ
problem-forbidden-detail = ບົດບາດຂອງທ່ານບໍ່ມີສິດດຳເນີນການນີ້.
problem-login-failed-title = ເຂົ້າສູ່ລະບົບບໍ່ສຳເລັດ
problem-login-failed-detail = ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.
problem-login-throttled-title = ພະຍາຍາມຫຼາຍເທື່ອເກີນໄປ
problem-login-throttled-detail = ເຂົ້າສູ່ລະບົບບໍ່ສຳເລັດຫຼາຍເທື່ອເກີນໄປ. ກະລຸນາລອງໃໝ່ໃນອີກ { $seconds } ວິນາທີ.
problem-invalid-time-detail = ພາຣາມິເຕີ { $name } ຕ້ອງເປັນເວລາໃນຮູບແບບ RFC 3339 (ຕົວຢ່າງ 2024-01-01T00:00:00+08:00); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-year-detail = ພາຣາມິເຕີ year ຕ້ອງເປັນປີ ຄ.ສ. ແຕ່ { $min } ຫາ { $max } (ຕົວຢ່າງ 2024); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-bin-km-detail = ພາຣາມິເຕີ bin_km (ຄວາມຍາວຂອງເສັ້ນຊາຍແດນແຕ່ລະຊ່ວງ, ຫົວໜ່ວຍກິໂລແມັດ) ຕ້ອງເປັນຕົວເລກແຕ່ { $min } ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-years-not-ascending-detail = ປີທີ່ນຳມາປຽບທຽບ (compare) ຕ້ອງຢູ່ຫຼັງປີພື້ນຖານ (base); ຄ່າທີ່ໄດ້ຮັບ: base={ $base }, compare={ $compare }.
problem-unknown-period-detail = ພາຣາມິເຕີ period ຕ້ອງເປັນ month (ເດືອນ), quarter (ໄຕມາດ) ຫຼື year (ປີ); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-month-or-date-detail = ພາຣາມິເຕີ { $name } ຕ້ອງເປັນວັນທີ (YYYY-MM-DD, ຕົວຢ່າງ 2024-03-15) ຫຼື ເດືອນ (YYYY-MM, ຕົວຢ່າງ 2024-03) ລະຫວ່າງປີ ຄ.ສ. 2000 ຫາ 2100; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-too-many-cells-detail = ເສັ້ນຊາຍແດນ { $bins } ຊ່ວງ × { $periods } ໄລຍະເວລາ ເປັນ { $cells } ຊ່ອງ, ເກີນຂີດຈຳກັດ { $max } ຊ່ອງຕໍ່ການສອບຖາມໜຶ່ງຄັ້ງ. ກະລຸນາເພີ່ມຄວາມຍາວຂອງແຕ່ລະຊ່ວງ (bin_km), ໃຊ້ໄລຍະເວລາທີ່ຍາວກວ່າ (period=quarter ຫຼື year) ຫຼື ຫຼຸດຊ່ວງວັນທີລົງ (from, to).
problem-unknown-grouping-detail = ພາຣາມິເຕີ by ຕ້ອງເປັນ total (ລວມ), section (ພາກສ່ວນຊາຍແດນ), bin (ຊ່ວງກິໂລແມັດ), category (ປະເພດ) ຫຼື county (ເມືອງ); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-cell-km-detail = ພາຣາມິເຕີ cell_km (ຄວາມຍາວຂ້າງຂອງແຕ່ລະຕາລາງ, ຫົວໜ່ວຍກິໂລແມັດ) ຕ້ອງເປັນຕົວເລກແຕ່ { $min } ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-invalid-alpha-detail = ພາຣາມິເຕີ alpha (ອັດຕາການຄົ້ນພົບທີ່ຜິດພາດທີ່ຍອມຮັບໄດ້) ຕ້ອງເປັນຕົວເລກທີ່ໃຫຍ່ກວ່າ 0 ແລະ ນ້ອຍກວ່າ 0.5, ຕົວຢ່າງ 0.05; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-unknown-format-detail = ບໍ່ມີຮູບແບບ { $value }; ກະລຸນາໃຊ້ໜຶ່ງໃນຮູບແບບເຫຼົ່ານີ້: { $allowed }
problem-incident-geometry-detail = ເຫດການຕ້ອງສົ່ງມາເປັນ GeoJSON Feature ທີ່ມີ geometry ເປັນ Point ແລະ ພິກັດ [ເສັ້ນແວງ, ເສັ້ນຂະໜານ] ເປັນອົງສາ WGS84.
problem-incident-time-detail = ເວລາ occurred_at ຕ້ອງເປັນເວລາໃນຮູບແບບ RFC 3339 ທີ່ລະບຸເຂດເວລາ (ຕົວຢ່າງ 2024-03-01T08:30:00+08:00) ແຕ່ປີ { $min_year } ເປັນຕົ້ນໄປ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-future-detail = ເວລາ occurred_at ຢູ່ໃນອະນາຄົດ (ກາຍໂມງຂອງເຊີບເວີເກີນ { $minutes } ນາທີ); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-category-detail = ບໍ່ມີປະເພດເຫດການ "{ $value }"; ປະເພດທີ່ມີແມ່ນ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking ແລະ other.
problem-incident-count-detail = { $name } ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 0 ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-text-detail = { $name } ຕ້ອງເປັນຂໍ້ຄວາມທີ່ມີບໍ່ເກີນ { $max } ຕົວອັກສອນ.
problem-incident-far-detail = ຈຸດນີ້ຢູ່ຫ່າງຈາກເສັ້ນຊາຍແດນ { $distance_km } ກິໂລແມັດ, ເກີນ { $max_km } ກິໂລແມັດທີ່ອະນຸຍາດ; ກະລຸນາກວດສອບພິກັດ (ເສັ້ນແວງກ່ອນ, ແລ້ວຈຶ່ງເສັ້ນຂະໜານ, WGS84).
problem-unknown-village-detail = ບໍ່ມີບ້ານລະຫັດ { $value } ໃນເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ.
problem-outside-jurisdiction-detail = ສະຖານທີ່ຂອງເຫດການນີ້ (ບ້ານຂອງເຫດການ, ຫຼື ເຂດຮັບຜິດຊອບຂອງຈຸດປ້ອງກັນຮ່ວມຕາມເສັ້ນຊາຍແດນຊ່ວງທີ່ໃກ້ທີ່ສຸດ) ຢູ່ນອກເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ; ບໍ່ໄດ້ບັນທຶກຫຍັງເລີຍ.
problem-visit-object-detail = ການຢ້ຽມຢາມແຕ່ລະຄັ້ງຕ້ອງເປັນ JSON object ທີ່ມີ id, linkage_id, target, visited_at, lon, lat, accuracy_m, findings ແລະ follow_ups.
problem-visit-id-detail = id ຂອງການຢ້ຽມຢາມຕ້ອງເປັນ UUID ທີ່ສ້າງຂຶ້ນໃນໂທລະສັບ (ຕົວຢ່າງ 6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-visit-target-detail = ເປົ້າໝາຍ target ຕ້ອງຂຽນເປັນ {"{"}"kind": "village" ຫຼື "post", "id": ຈຳນວນເຕັມບວກ{"}"}; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-visit-wrong-target-detail = { $kind ->
        [village] ບ້ານ
       *[post] ຈຸດປ້ອງກັນຮ່ວມ
    }ລະຫັດ { $id } ບໍ່ແມ່ນເປົ້າໝາຍຂອງການຈັບຄູ່ຊ່ວຍເຫຼືອ { $linkage }; ກະລຸນາເລືອກບ້ານ ຫຼື ຈຸດປ້ອງກັນຮ່ວມຂອງການຈັບຄູ່ນັ້ນ.
problem-visit-time-detail = ເວລາ visited_at ຕ້ອງເປັນເວລາໃນຮູບແບບ RFC 3339 ທີ່ລະບຸເຂດເວລາ (ຕົວຢ່າງ 2026-11-29T09:30:00+08:00) ແຕ່ປີ { $min_year } ເປັນຕົ້ນໄປ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-visit-future-detail = ເວລາ visited_at ກາຍໂມງຂອງເຊີບເວີເກີນ { $minutes } ນາທີ; ກະລຸນາກວດສອບໂມງຂອງໂທລະສັບ. ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-visit-before-linkage-detail = ການຢ້ຽມຢາມວັນທີ { $day } ຢູ່ກ່ອນວັນເລີ່ມຕົ້ນຂອງການຈັບຄູ່ຊ່ວຍເຫຼືອ { $linkage } ({ $starts_on }).
problem-visit-after-linkage-detail = ການຢ້ຽມຢາມວັນທີ { $day } ຢູ່ຫຼັງວັນສິ້ນສຸດຂອງການຈັບຄູ່ຊ່ວຍເຫຼືອ { $linkage } ({ $ends_on }).
problem-visit-accuracy-detail = accuracy_m (ຄວາມແມ່ນຍຳຂອງຕຳແໜ່ງ, ເປັນແມັດ) ຕ້ອງເປັນຕົວເລກຕັ້ງແຕ່ 0 ຂຶ້ນໄປ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-visit-findings-detail = findings ຕ້ອງເປັນລາຍການບໍ່ເກີນ { $max } ລາຍການ, ແຕ່ລະລາຍການຂຽນເປັນ {"{"}"kind": …, "text": …{"}"}.
problem-visit-finding-kind-detail = ສິ່ງທີ່ພົບເຫັນລາຍການທີ { $index } (ນັບແຕ່ 0) ມີປະເພດ "{ $value }" ເຊິ່ງບໍ່ມີ; ປະເພດທີ່ມີແມ່ນ dispute, security_risk, livelihood_need ແລະ other.
problem-too-many-visits-detail = ຊິງຂໍ້ມູນການຢ້ຽມຢາມໄດ້ເທື່ອລະບໍ່ເກີນ { $max } ລາຍການ, ແຕ່ສົ່ງມາ { $count } ລາຍການ. ກະລຸນາແບ່ງສົ່ງເປັນຊຸດ.
problem-visit-conflict-detail = ການຢ້ຽມຢາມ id { $id } ຖືກບັນທຶກໄວ້ແລ້ວດ້ວຍເນື້ອໃນທີ່ແຕກຕ່າງ; ບໍ່ມີການປ່ຽນແປງໃດໆ. ກະລຸນາສົ່ງການຢ້ຽມຢາມທີ່ແກ້ໄຂແລ້ວດ້ວຍ id ໃໝ່.
problem-linkage-body-detail = ການຈັບຄູ່ຊ່ວຍເຫຼືອຕ້ອງສົ່ງມາເປັນ JSON object ທີ່ມີ department_id, village_id, post_id, starts_on (YYYY-MM-DD), village_visits_per_month ແລະ post_visits_per_month; ends_on ແລະ officer_ids ບໍ່ບັງຄັບ.
problem-linkage-id-detail = { $name } ຕ້ອງເປັນລະຫັດຂອງບັນທຶກ ເຊິ່ງເປັນຈຳນວນເຕັມບວກ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-linkage-date-detail = { $name } ຕ້ອງເປັນວັນທີໃນຮູບແບບ YYYY-MM-DD (ຕົວຢ່າງ 2025-01-01) ລະຫວ່າງປີ ຄ.ສ. 2000 ຫາ 2100; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-linkage-month-detail = ພາຣາມິເຕີ { $name } ຕ້ອງເປັນເດືອນໃນຮູບແບບ YYYY-MM (ຕົວຢ່າງ 2025-03) ລະຫວ່າງປີ ຄ.ສ. 2000 ຫາ 2100; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-linkage-reversed-months-detail = ຊ່ວງເດືອນປີ້ນກັນ: ເດືອນເລີ່ມຕົ້ນ from ({ $from }) ຕ້ອງບໍ່ຢູ່ຫຼັງເດືອນສິ້ນສຸດ to ({ $to }).
problem-linkage-visits-detail = { $name } ແມ່ນຈຳນວນຄັ້ງທີ່ຕ້ອງໄປຢ້ຽມຢາມໃນແຕ່ລະເດືອນ ແລະ ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 0 ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-linkage-officers-detail = officer_ids ຕ້ອງເປັນລາຍການລະຫັດຜູ້ໃຊ້ບໍ່ເກີນ { $max } ລາຍການ.
problem-linkage-ends-before-start-detail = ການຈັບຄູ່ຊ່ວຍເຫຼືອບໍ່ສາມາດສິ້ນສຸດ ({ $ends_on }) ກ່ອນວັນເລີ່ມຕົ້ນ ({ $starts_on }) ໄດ້; ends_on ແມ່ນມື້ສຸດທ້າຍຂອງການຈັບຄູ່.
problem-linkage-unknown-post-detail = ບໍ່ມີຈຸດປ້ອງກັນຮ່ວມລະຫັດ { $value } ໃນເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ.
problem-linkage-unknown-department-detail = ບໍ່ມີພະແນກລະຫັດ { $value } ໃນເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ.
problem-linkage-department-area-detail = ບ້ານ { $village } ຢູ່ນອກເຂດວຽກງານຂອງພະແນກ { $department }: ພະແນກໜຶ່ງຈັບຄູ່ໄດ້ສະເພາະກັບບ້ານທີ່ຢູ່ໃນເຂດການປົກຄອງຂອງພະແນກນັ້ນເອງເທົ່ານັ້ນ.
problem-linkage-unknown-officer-detail = ບໍ່ມີຜູ້ໃຊ້ລະຫັດ { $value } ໃນເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ ຫຼື ໃນພະແນກຂອງການຈັບຄູ່ນີ້.
problem-linkage-officer-department-detail = ຜູ້ໃຊ້ { $officer } ບໍ່ໄດ້ສັງກັດພະແນກ { $department }: ຜູ້ຮັບຜິດຊອບການຈັບຄູ່ຕ້ອງມາຈາກພະແນກຂອງການຈັບຄູ່ນັ້ນ.
problem-linkage-officer-role-detail = ຜູ້ໃຊ້ { $officer } ບໍ່ແມ່ນພະນັກງານປະສານງານ: ມີແຕ່ພະນັກງານປະສານງານເທົ່ານັ້ນທີ່ເປັນຜູ້ຮັບຜິດຊອບການຈັບຄູ່ໄດ້.
problem-linkage-officer-inactive-detail = ບັນຊີຂອງຜູ້ໃຊ້ { $officer } ຖືກປິດການໃຊ້ງານແລ້ວ; ກະລຸນາເລືອກພະນັກງານປະສານງານທີ່ຍັງໃຊ້ງານຢູ່.
problem-linkage-overlap-detail = ການຈັບຄູ່ຊ່ວຍເຫຼືອ { $existing } (ເລີ່ມແຕ່ { $starts_on }) ໄດ້ຈັບຄູ່ພະແນກນີ້ກັບບ້ານ ແລະ ຈຸດປ້ອງກັນຮ່ວມນີ້ແລ້ວ ໃນໄລຍະເວລາທີ່ທັບຊ້ອນກັນ; ກະລຸນາສິ້ນສຸດການຈັບຄູ່ນັ້ນກ່ອນ ຫຼື ເລືອກວັນທີທີ່ບໍ່ທັບຊ້ອນກັນ.
problem-linkage-pair-fixed-detail = ການຈັບຄູ່ນີ້ມີການຢ້ຽມຢາມທີ່ບັນທຶກໄວ້ແລ້ວ { $visits } ຄັ້ງ, ຈຶ່ງປ່ຽນພະແນກ, ບ້ານ ແລະ ຈຸດປ້ອງກັນຮ່ວມບໍ່ໄດ້; ກະລຸນາສິ້ນສຸດການຈັບຄູ່ນີ້ ແລ້ວສ້າງການຈັບຄູ່ໃໝ່.
problem-patrol-shape-detail = ການລາດຕະເວນຕ້ອງຂຽນເປັນ {"{"}"post_id": ລະຫັດປ້ອມ, "track": {"{"}"type": "LineString", "coordinates": [[ເສັ້ນແວງ, ເສັ້ນຂະໜານ], …]{"}"}, "times": [ເວລາ RFC 3339 ຂອງແຕ່ລະຈຸດ, …]{"}"} ຫຼື ອັບໂຫຼດເປັນໄຟລ໌ GPX 1.1 (Content-Type: application/gpx+xml ພ້ອມ ?post_id= ໃນທີ່ຢູ່).
problem-patrol-too-few-points-detail = ເສັ້ນທາງລາດຕະເວນຕ້ອງມີຢ່າງໜ້ອຍ 2 ຈຸດ; ໄດ້ຮັບ { $count } ຈຸດ.
problem-patrol-too-many-points-detail = ເສັ້ນທາງມີ { $count } ຈຸດ ແຕ່ອະນຸຍາດສູງສຸດ { $max } ຈຸດ; ກະລຸນາອັບໂຫຼດເປັນສ່ວນໆ.
problem-patrol-position-detail = ຈຸດທີ { $index } (ນັບແຕ່ 0) ມີຕຳແໜ່ງບໍ່ຖືກຕ້ອງ: ຕ້ອງເປັນເສັ້ນແວງ WGS84 (-180 ຫາ 180) ແລະ ເສັ້ນຂະໜານ (-90 ຫາ 90).
problem-patrol-time-detail = ເວລາຂອງຈຸດທີ { $index } (ນັບແຕ່ 0) ຕ້ອງເປັນເວລາ RFC 3339 ທີ່ລະບຸເຂດເວລາ (ຕົວຢ່າງ 2026-11-29T09:30:00+08:00); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-patrol-not-ascending-detail = ຈຸດທີ { $index } (ນັບແຕ່ 0) ມີເວລາກ່ອນຈຸດກ່ອນໜ້າ; ເວລາຂອງເສັ້ນທາງຕ້ອງລຽງຕາມລຳດັບ.
problem-patrol-future-detail = ເວລາຂອງຈຸດທີ { $index } (ນັບແຕ່ 0) ກາຍໂມງຂອງເຊີບເວີ; ກະລຸນາກວດສອບໂມງຂອງອຸປະກອນ. ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-patrol-times-count-detail = ເສັ້ນທາງມີ { $count } ພິກັດ ແຕ່ມີ { $times } ເວລາ; ຕ້ອງມີເວລາໜຶ່ງຕໍ່ພິກັດໜຶ່ງ.
problem-patrol-gpx-detail = ບໍ່ສາມາດອ່ານໄຟລ໌ GPX ໄດ້: { $reason }

# ການເຜີຍແຜ່ກົດໝາຍ: ທີມ, ກິດຈະກຳ ແລະ ປະຕິທິນ
record-calendar-feed = ທີ່ຢູ່ປະຕິທິນ
problem-outreach-body-detail = ເນື້ອໃນຄຳຮ້ອງຕ້ອງເປັນອອບເຈັກ JSON.
problem-outreach-id-detail = { $name } ຕ້ອງເປັນລະຫັດຂອງບັນທຶກ ເຊິ່ງເປັນຈຳນວນເຕັມບວກ; ໄດ້ຮັບ: { $value }
problem-outreach-time-detail = { $name } ຕ້ອງເປັນເວລາແບບ RFC 3339 ພ້ອມຄ່າຊົດເຊີຍເຂດເວລາ (ເຊັ່ນ 2027-01-10T09:00:00+08:00) ລະຫວ່າງປີ 2000 ຫາ 2100; ໄດ້ຮັບ: { $value }
problem-outreach-ends-before-start-detail = ກິດຈະກຳຕ້ອງສິ້ນສຸດຫຼັງເວລາເລີ່ມ; ກິດຈະກຳນີ້ເລີ່ມ { $starts_at } ແລະ ສິ້ນສຸດ { $ends_at }.
problem-outreach-too-long-detail = ກິດຈະກຳໜຶ່ງຄັ້ງຍາວໄດ້ບໍ່ເກີນ { $max } ຊົ່ວໂມງ; ກະລຸນາແບ່ງລາຍການທີ່ຍາວກວ່ານັ້ນເປັນຫຼາຍຄັ້ງ.
problem-outreach-language-detail = { $name } ຕ້ອງເປັນໜຶ່ງໃນພາສາ zh, khb, hni, ahk, lhu, blr, ium, jiu, lo, my, th ແລະ en (ລະຫັດ BCP 47); ໄດ້ຮັບ: { $value }
problem-outreach-status-detail = ພາຣາມິເຕີ status ຕ້ອງເປັນ planned, held ຫຼື cancelled; ໄດ້ຮັບ: { $value }
problem-outreach-level-detail = ລະດັບພາສາຕ້ອງເປັນ native, fluent ຫຼື basic; ໄດ້ຮັບ: { $value }
problem-outreach-topic-detail = { $name } ມີຫົວຂໍ້ທີ່ບໍ່ຮູ້ຈັກ "{ $value }"; ຫົວຂໍ້ທີ່ໃຊ້ໄດ້ແມ່ນ border_law, anti_drug, anti_fraud, anti_trafficking, marriage_law, land_disputes ແລະ entry_exit.
problem-outreach-topics-detail = { $name } ຕ້ອງລະບຸຫົວຂໍ້ 1 ຫາ { $max } ຫົວຂໍ້.
problem-outreach-presenters-detail = presenter_ids ຕ້ອງລະບຸຜູ້ບັນຍາຍ 1 ຫາ { $max } ຄົນຕາມລະຫັດສະມາຊິກ.
problem-outreach-text-detail = { $name } ຕ້ອງເປັນຂໍ້ຄວາມຍາວ 1 ຫາ { $max } ຕົວອັກສອນ.
problem-zawgyi-detail = { $name } ເບິ່ງຄືເປັນພາສາມຽນມາທີ່ພິມດ້ວຍການເຂົ້າລະຫັດ Zawgyi ເຊິ່ງອ່ານໄດ້ສະເພາະໃນໂທລະສັບທີ່ມີຟອນ Zawgyi: { $rule ->
        [vowel-e] ສະຫຼະ E (ေ) ຢູ່ກ່ອນພະຍັນຊະນະ
        [killer] ເຄື່ອງໝາຍ U+1039 ໃຊ້ປິດພະຍາງແທນການຊ້ອນພະຍັນຊະນະ
        [medial] ພະຍັນຊະນະຄວບຢູ່ກ່ອນພະຍັນຊະນະຕົ້ນ
        [medial-order] ພະຍັນຊະນະຄວບບໍ່ໄດ້ລຽງຕາມລຳດັບ ya, ra, wa, ha
        [asat] ເຄື່ອງໝາຍ asat (U+103A) ຕາມດ້ວຍສະຫຼະ ຫຼື ພະຍັນຊະນະຄວບ
        [vowel-order] ສະຫຼະລຽງໃນລຳດັບທີ່ Unicode ບໍ່ໃຊ້
       *[form] ໃຊ້ຮູບອັກສອນສະເພາະຂອງ Zawgyi
    } (ຕົວອັກສອນທີ { $position }, { $character }). ກະລຸນາປ່ຽນແປ້ນພິມເປັນ Unicode ຫຼື ແປງຂໍ້ຄວາມເປັນ Unicode ແລ້ວສົ່ງໃໝ່.
problem-outreach-team-code-detail = ລະຫັດທີມຕ້ອງເປັນຕົວອັກສອນ, ຕົວເລກ, - ຫຼື _ ຈຳນວນ 1 ຫາ 32 ຕົວ; ໄດ້ຮັບ: { $value }
problem-outreach-members-detail = members ຕ້ອງລະບຸສະມາຊິກ 1 ຫາ { $max } ຄົນ.
problem-outreach-member-languages-detail = ສະມາຊິກ { $member } ຕ້ອງລະບຸພາສາ 1 ຫາ { $max } ພາສາ, ພາສາລະເທື່ອດຽວ, ໃນຮູບແບບ {"{"}"language": ລະຫັດພາສາ, "level": "native", "fluent" ຫຼື "basic"{"}"}.
problem-outreach-attendance-detail = { $name } ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 0 ຫາ { $max }; ໄດ້ຮັບ: { $value }
problem-outreach-attendance-part-detail = { $name } ({ $count }) ຕ້ອງບໍ່ຫຼາຍກວ່າຈຳນວນຜູ້ເຂົ້າຮ່ວມທັງໝົດ ({ $total }).
problem-outreach-unknown-team-detail = ບໍ່ມີທີມເຜີຍແຜ່ກົດໝາຍລະຫັດ { $value } ໃນເຂດຮັບຜິດຊອບຂອງທ່ານ.
problem-outreach-unknown-user-detail = ບໍ່ມີຜູ້ໃຊ້ລະຫັດ { $value } ໃນເຂດຮັບຜິດຊອບຂອງທ່ານ.
problem-outreach-not-member-detail = ສະມາຊິກ { $member } ບໍ່ໄດ້ຢູ່ໃນທີມ { $team }; ຜູ້ບັນຍາຍຕ້ອງເປັນສະມາຊິກຂອງທີມນັ້ນ.
problem-outreach-no-fluent-presenter-detail = ບໍ່ມີຜູ້ບັນຍາຍຄົນໃດເວົ້າພາສາຂອງກິດຈະກຳ ({ $language }) ໄດ້ຄ່ອງ ({ $presenters }). ກະລຸນາເພີ່ມຜູ້ບັນຍາຍທີ່ເວົ້າພາສານີ້ໄດ້ຄ່ອງ ຫຼື ເປັນພາສາແມ່, ຫຼື ຈັດກິດຈະກຳເປັນພາສາອື່ນ.
problem-outreach-village-language-detail = ພາສາຂອງ { $village } ({ $listed }) ບໍ່ມີ { $language }. ກະລຸນາຈັດກິດຈະກຳດ້ວຍພາສາໃດໜຶ່ງໃນນັ້ນ ຫຼື ລະບຸນາຍພາສາ.
problem-outreach-presenter-booked-detail = { $presenter } ມີກຳນົດບັນຍາຍກິດຈະກຳທີ { $session } ຢູ່ { $village } ແລ້ວ ({ $starts_at } ຫາ { $ends_at }). ການເດີນທາງລະຫວ່າງສອງບ້ານໃຊ້ເວລາ { $travel_minutes } ນາທີ (ທາງຖະໜົນ { $road_km } ກມ.), ແຕ່ສອງກິດຈະກຳຫ່າງກັນພຽງ { $gap_minutes } ນາທີ.
problem-outreach-team-booked-detail = ທີມ { $team } ມີກິດຈະກຳທີ { $session } ຢູ່ { $village } ແລ້ວ ({ $starts_at } ຫາ { $ends_at }). ການເດີນທາງລະຫວ່າງສອງບ້ານໃຊ້ເວລາ { $travel_minutes } ນາທີ (ທາງຖະໜົນ { $road_km } ກມ.), ແຕ່ສອງກິດຈະກຳຫ່າງກັນພຽງ { $gap_minutes } ນາທີ.
problem-outreach-not-planned-detail = ກິດຈະກຳທີ { $session } { $status ->
        [held] ໄດ້ຈັດແລ້ວ
        [cancelled] ຖືກຍົກເລີກແລ້ວ
       *[other] ມີສະຖານະ { $status }
    }; ບັນທຶກວ່າຈັດແລ້ວ ຫຼື ຍົກເລີກໄດ້ສະເພາະກິດຈະກຳທີ່ຍັງຢູ່ໃນແຜນ.
problem-outreach-not-started-detail = ກິດຈະກຳທີ { $session } ເລີ່ມ { $starts_at }; ບັນທຶກວ່າຈັດແລ້ວໄດ້ເມື່ອກິດຈະກຳເລີ່ມແລ້ວເທົ່ານັ້ນ.
