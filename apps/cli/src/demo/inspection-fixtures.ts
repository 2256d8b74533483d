/** Who acts in the inspection story (demo users of libs/auth's DEMO_USERS) and where. */
export const INSPECTOR = 'inspector-a1'; // 赵监督员, 甲市东城区卫生健康局
export const HOSPITAL = 'hospital-a1-1'; // 甲市一院质控办
export const LEADER = 'leader-city-a'; // 李局长, 甲市卫生健康委员会
export const INSTITUTION = 'hosp-a1-1'; // 甲市第一人民医院
