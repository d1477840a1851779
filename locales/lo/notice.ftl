# Lao (ລາວ): the printed notice of a legal-outreach session. NEEDS REVIEW BY A NATIVE SPEAKER:
# translated by a non-native speaker; a native speaker should check every line before notices
# are printed for villages. A message missing here prints in Chinese, marked on the notice.
notice-title = ແຈ້ງການ ກອງປະຊຸມເຜີຍແຜ່ກົດໝາຍ
notice-intro = ຂໍເຊີນຊາວບ້ານທຸກຄົນເຂົ້າຮ່ວມ. ບໍ່ເສຍຄ່າ.
notice-date-label = ວັນທີ
notice-date = { $weekday ->
        [1] ວັນຈັນ
        [2] ວັນອັງຄານ
        [3] ວັນພຸດ
        [4] ວັນພະຫັດ
        [5] ວັນສຸກ
        [6] ວັນເສົາ
       *[7] ວັນອາທິດ
    } ທີ { $day } { $month ->
        [1] ມັງກອນ
        [2] ກຸມພາ
        [3] ມີນາ
        [4] ເມສາ
        [5] ພຶດສະພາ
        [6] ມິຖຸນາ
        [7] ກໍລະກົດ
        [8] ສິງຫາ
        [9] ກັນຍາ
        [10] ຕຸລາ
        [11] ພະຈິກ
       *[12] ທັນວາ
    } { $year }
notice-time-label = ເວລາ
notice-time = { $start }–{ $end } ໂມງ
notice-place-label = ສະຖານທີ່
notice-place = { $village }, { $township }, { $county }
notice-place-county = { $village }, { $county }
notice-topics-label = ຫົວຂໍ້
notice-presenters-label = ຜູ້ບັນຍາຍ
notice-presenters-none = ຈະແຈ້ງໃຫ້ຊາບພາຍຫຼັງ
notice-interpreter-label = ນາຍພາສາ
notice-team-label = ຜູ້ຈັດ
notice-language-label = ພາສາ
notice-qr-caption = ສະແກນລະຫັດເພື່ອເປີດໜ້າຂອງບ້ານນີ້
notice-cancelled = ກອງປະຊຸມນີ້ຖືກຍົກເລີກແລ້ວ.
notice-fallback-note = ແຖວທີ່ມີເຄື່ອງໝາຍນີ້ເປັນພາສາຈີນ: ຍັງບໍ່ມີຄຳແປ.
notice-topic-border_law = ກົດໝາຍ ແລະ ລະບຽບການກ່ຽວກັບຊາຍແດນ
notice-topic-anti_drug = ການປ້ອງກັນຢາເສບຕິດ
notice-topic-anti_fraud = ການປ້ອງກັນການສໍ້ໂກງທາງໂທລະສັບ ແລະ ອອນລາຍ
notice-topic-anti_trafficking = ການຕ້ານການຄ້າມະນຸດ
notice-topic-marriage_law = ກົດໝາຍວ່າດ້ວຍການແຕ່ງງານ ແລະ ຄອບຄົວ
notice-topic-land_disputes = ການແກ້ໄຂຂໍ້ຂັດແຍ່ງກ່ຽວກັບທີ່ດິນ
notice-topic-entry_exit = ລະບຽບການຂ້າມຊາຍແດນ
