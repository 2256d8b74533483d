import { PATHS } from '../routes';
import { Link } from './navigation';

/** What the public can do here, and the hotline for those who would rather call. */
export function HomePage() {
  return (
    <>
      <h1>医疗服务投诉与信用公示</h1>
      <p className="lead">
        对医疗机构的服务、收费、医德医风等问题，您可以在这里在线投诉、查询办理进度，查看医疗机构的信用信息和卫生健康部门发布的通报。
      </p>
      <ul className="tiles">
        <li>
          <Link href={PATHS.portalNewComplaint} className="tile">
            <strong>提交投诉</strong>
            <span>可实名或匿名，可上传照片、票据等材料</span>
          </Link>
        </li>
        <li>
          <Link href={PATHS.portalComplaint()} className="tile">
            <strong>查询进度</strong>
            <span>凭投诉编号和查询码查看办理情况、答复并评价</span>
          </Link>
        </li>
        <li>
          <Link href={PATHS.portalCredit} className="tile">
            <strong>信用公示</strong>
            <span>医疗机构的基本信用信息、不良信息和红名单</span>
          </Link>
        </li>
        <li>
          <Link href={PATHS.portalNotices} className="tile">
            <strong>通报公示</strong>
            <span>投诉举报办理、监督检查结果、红名单变动和专项行动情况通报</span>
          </Link>
        </li>
      </ul>
      <section aria-labelledby="hotline">
        <h2 id="hotline">电话反映</h2>
        <p>
          也可拨打卫生健康服务热线 <a href="tel:12320">12320</a> 或政务服务便民热线 <a href="tel:12345">12345</a>。
        </p>
      </section>
    </>
  );
}
