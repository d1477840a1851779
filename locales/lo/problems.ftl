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
problem-incident-geometry-detail = ເຫດການຕ້ອງສົ່ງມາເປັນ GeoJSON Feature ທີ່ມີ geometry ເປັນ Point ແລະ ພິກັດ [ເສັ້ນແວງ, ເສັ້ນຂະໜານ] ເປັນອົງສາ WGS84.
problem-incident-time-detail = ເວລາ occurred_at ຕ້ອງເປັນເວລາໃນຮູບແບບ RFC 3339 ທີ່ລະບຸເຂດເວລາ (ຕົວຢ່າງ 2024-03-01T08:30:00+08:00) ແຕ່ປີ { $min_year } ເປັນຕົ້ນໄປ; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-future-detail = ເວລາ occurred_at ຢູ່ໃນອະນາຄົດ (ກາຍໂມງຂອງເຊີບເວີເກີນ { $minutes } ນາທີ); ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-category-detail = ບໍ່ມີປະເພດເຫດການ "{ $value }"; ປະເພດທີ່ມີແມ່ນ illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking ແລະ other.
problem-incident-count-detail = { $name } ຕ້ອງເປັນຈຳນວນເຕັມແຕ່ 0 ຫາ { $max }; ຄ່າທີ່ໄດ້ຮັບ: { $value }
problem-incident-text-detail = { $name } ຕ້ອງເປັນຂໍ້ຄວາມທີ່ມີບໍ່ເກີນ { $max } ຕົວອັກສອນ.
problem-incident-far-detail = ຈຸດນີ້ຢູ່ຫ່າງຈາກເສັ້ນຊາຍແດນ { $distance_km } ກິໂລແມັດ, ເກີນ { $max_km } ກິໂລແມັດທີ່ອະນຸຍາດ; ກະລຸນາກວດສອບພິກັດ (ເສັ້ນແວງກ່ອນ, ແລ້ວຈຶ່ງເສັ້ນຂະໜານ, WGS84).
problem-unknown-village-detail = ບໍ່ມີບ້ານລະຫັດ { $value } ໃນເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ.
problem-outside-jurisdiction-detail = ສະຖານທີ່ຂອງເຫດການນີ້ (ບ້ານຂອງເຫດການ, ຫຼື ເຂດຮັບຜິດຊອບຂອງຈຸດປ້ອງກັນຮ່ວມຕາມເສັ້ນຊາຍແດນຊ່ວງທີ່ໃກ້ທີ່ສຸດ) ຢູ່ນອກເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ; ບໍ່ໄດ້ບັນທຶກຫຍັງເລີຍ.
