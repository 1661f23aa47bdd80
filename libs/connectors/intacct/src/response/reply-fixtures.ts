/**
 * Gateway replies shaped like external-apis §1.3 (2.1 DTD, SDK fixtures), for the specs.
 * Not exported from the package.
 */
const control = (status: 'success' | 'failure') =>
  `<control><status>${status}</status><senderid>tributary</senderid><controlid>6a1f0c52-req</controlid><uniqueid>true</uniqueid><dtdversion>3.0</dtdversion></control>`;

const authenticated = `<authentication><status>success</status><userid>ws_user</userid><companyid>TRIBUTARY-DEMO</companyid><locationid></locationid><sessiontimestamp>2024-05-01T10:00:00+00:00</sessiontimestamp><sessiontimeout>2024-05-01T16:00:00+00:00</sessiontimeout></authentication>`;

const reply = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<response>${body}</response>`;

export const createdReply = (controlId: string, key = 'Sales Order-SO0001') =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>success</status><function>create_sotransaction</function><controlid>${controlId}</controlid><key>${key}</key></result></operation>`,
  );

export const apiSessionReply = (controlId: string, endpoint: string, sessionId = 'qsJzM2Ygw4WaV0ZqeS3H7n1s..') =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>success</status><function>getSession</function><controlid>${controlId}</controlid><data><api><sessionid>${sessionId}</sessionid><endpoint>${endpoint}</endpoint><locationid></locationid></api></data></result></operation>`,
  );

export const salesDocumentsReply = (controlId: string, rows: Array<Record<string, string>>) =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>success</status><function>readByQuery</function><controlid>${controlId}</controlid><data listtype="sodocument" count="${rows.length}" totalcount="${rows.length}" numremaining="0" resultId="">${rows
      .map((row) => `<sodocument>${Object.entries(row).map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</sodocument>`)
      .join('')}</data></result></operation>`,
  );

export const senderFailureReply = reply(
  `${control('failure')}<errormessage><error><errorno>XL03000006</errorno><description></description><description2>Incorrect Intacct XML Partner ID or password.</description2><correction></correction></error></errormessage>`,
);

export const schemaFailureReply = reply(
  `${control('failure')}<errormessage><error><errorno>XL03000003</errorno><description>XML Parse schema error</description><description2>Element 'referenceno': This element is not expected.</description2><correction></correction></error></errormessage>`,
);

export const signInFailureReply = reply(
  `${control('success')}<operation><authentication><status>failure</status><userid>fakeuser</userid><companyid>fakecompany</companyid><locationid></locationid></authentication><errormessage><error><errorno>XL03000006</errorno><description></description><description2>Sign-in information is incorrect</description2><correction></correction></error></errormessage></operation>`,
);

export const businessFailureReply = (controlId: string) =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>failure</status><function>create_sotransaction</function><controlid>${controlId}</controlid><data listtype="objects" count="0"/><errormessage><error><errorno>BL01001973</errorno><description>Invalid Customer</description><description2>Customer &apos;C-9999&apos; does not exist [Support ID: Xk2hE%7EZjXvSkl]</description2><correction>Use an existing customer &amp; retry</correction></error><error><errorno>BL01001973</errorno><description></description><description2>Could not create Document record!</description2><correction></correction></error></errormessage></result></operation>`,
  );

export const duplicateControlIdReply = (controlId: string) =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>failure</status><function>create_sotransaction</function><controlid>${controlId}</controlid><errormessage><error><errorno>SIM-DUPCTRL</errorno><description>Duplicate control ID</description><description2>A function with control ID '${controlId}' was already executed.</description2><correction></correction></error></errormessage></result></operation>`,
  );

export const throttledReply = reply(
  `${control('failure')}<errormessage><error><errorno>GW-0010</errorno><description>Too many concurrent requests</description><description2>Rate limit exceeded; retry later.</description2><correction></correction></error></errormessage>`,
);

/** A generic create's reply: `<data listtype="objects" count="1"><customer>…</customer></data>`. */
export const createdObjectReply = (controlId: string, tag: string, fields: Record<string, string>) =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>success</status><function>create</function><controlid>${controlId}</controlid><data listtype="objects" count="1"><${tag}>${Object.entries(fields)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</${tag}></data></result></operation>`,
  );

/**
 * A query, readByQuery or readMore list of `tag` records; values are written as given (already
 * escaped). `more` marks a page with rows left for readMore.
 */
export const listReply = (
  controlId: string,
  fn: 'query' | 'readByQuery' | 'readMore',
  tag: string,
  rows: Array<Record<string, string>>,
  more: { numRemaining: number; resultId: string } = { numRemaining: 0, resultId: '' },
) =>
  reply(
    `${control('success')}<operation>${authenticated}<result><status>success</status><function>${fn}</function><controlid>${controlId}</controlid><data listtype="${tag}" count="${rows.length}" totalcount="${rows.length + more.numRemaining}" numremaining="${more.numRemaining}"${more.resultId ? ` resultId="${more.resultId}"` : ''}>${rows
      .map((row) => `<${tag}>${Object.entries(row).map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</${tag}>`)
      .join('')}</data></result></operation>`,
  );
