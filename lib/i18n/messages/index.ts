// One import per namespace and language: bundled by Next, loaded as-is by tsx and Vitest;
// the import attribute is what Node's own ESM loader (Playwright loading specs that import
// lib/mail) requires for JSON.
// Adding a namespace: add its JSON in both languages, its two imports and its two entries.
import type { Locale } from "../config";

import en_common from "./en/common.json" with { type: "json" };
import en_nav from "./en/nav.json" with { type: "json" };
import en_notFound from "./en/notFound.json" with { type: "json" };
import en_signup from "./en/signup.json" with { type: "json" };
import en_login from "./en/login.json" with { type: "json" };
import en_reset from "./en/reset.json" with { type: "json" };
import en_magicLink from "./en/magicLink.json" with { type: "json" };
import en_verify from "./en/verify.json" with { type: "json" };
import en_security from "./en/security.json" with { type: "json" };
import en_twoFactor from "./en/twoFactor.json" with { type: "json" };
import en_errors from "./en/errors.json" with { type: "json" };
import en_account from "./en/account.json" with { type: "json" };
import en_guideApplication from "./en/guideApplication.json" with { type: "json" };
import en_invitations from "./en/invitations.json" with { type: "json" };
import en_admin from "./en/admin.json" with { type: "json" };
import en_mail from "./en/mail.json" with { type: "json" };
import en_emailChange from "./en/emailChange.json" with { type: "json" };
import en_acceptInvitation from "./en/acceptInvitation.json" with { type: "json" };
import en_apiDocs from "./en/apiDocs.json" with { type: "json" };
import ja_common from "./ja/common.json" with { type: "json" };
import ja_nav from "./ja/nav.json" with { type: "json" };
import ja_notFound from "./ja/notFound.json" with { type: "json" };
import ja_signup from "./ja/signup.json" with { type: "json" };
import ja_login from "./ja/login.json" with { type: "json" };
import ja_reset from "./ja/reset.json" with { type: "json" };
import ja_magicLink from "./ja/magicLink.json" with { type: "json" };
import ja_verify from "./ja/verify.json" with { type: "json" };
import ja_security from "./ja/security.json" with { type: "json" };
import ja_twoFactor from "./ja/twoFactor.json" with { type: "json" };
import ja_errors from "./ja/errors.json" with { type: "json" };
import ja_account from "./ja/account.json" with { type: "json" };
import ja_guideApplication from "./ja/guideApplication.json" with { type: "json" };
import ja_invitations from "./ja/invitations.json" with { type: "json" };
import ja_admin from "./ja/admin.json" with { type: "json" };
import ja_mail from "./ja/mail.json" with { type: "json" };
import ja_emailChange from "./ja/emailChange.json" with { type: "json" };
import ja_acceptInvitation from "./ja/acceptInvitation.json" with { type: "json" };
import ja_apiDocs from "./ja/apiDocs.json" with { type: "json" };
import en_adminUsers from "./en/adminUsers.json" with { type: "json" };
import en_adminAudit from "./en/adminAudit.json" with { type: "json" };
import en_adminOutbox from "./en/adminOutbox.json" with { type: "json" };
import en_adminInvitations from "./en/adminInvitations.json" with { type: "json" };
import en_adminGuideApplications from "./en/adminGuideApplications.json" with { type: "json" };
import ja_adminUsers from "./ja/adminUsers.json" with { type: "json" };
import ja_adminAudit from "./ja/adminAudit.json" with { type: "json" };
import ja_adminOutbox from "./ja/adminOutbox.json" with { type: "json" };
import ja_adminInvitations from "./ja/adminInvitations.json" with { type: "json" };
import ja_adminGuideApplications from "./ja/adminGuideApplications.json" with { type: "json" };

export const catalogues = {
  en: {
    common: en_common,
    nav: en_nav,
    notFound: en_notFound,
    signup: en_signup,
    login: en_login,
    reset: en_reset,
    magicLink: en_magicLink,
    verify: en_verify,
    security: en_security,
    twoFactor: en_twoFactor,
    errors: en_errors,
    account: en_account,
    guideApplication: en_guideApplication,
    invitations: en_invitations,
    admin: en_admin,
    mail: en_mail,
    emailChange: en_emailChange,
    acceptInvitation: en_acceptInvitation,
    apiDocs: en_apiDocs,
    adminUsers: en_adminUsers,
    adminAudit: en_adminAudit,
    adminOutbox: en_adminOutbox,
    adminInvitations: en_adminInvitations,
    adminGuideApplications: en_adminGuideApplications,
  },
  ja: {
    common: ja_common,
    nav: ja_nav,
    notFound: ja_notFound,
    signup: ja_signup,
    login: ja_login,
    reset: ja_reset,
    magicLink: ja_magicLink,
    verify: ja_verify,
    security: ja_security,
    twoFactor: ja_twoFactor,
    errors: ja_errors,
    account: ja_account,
    guideApplication: ja_guideApplication,
    invitations: ja_invitations,
    admin: ja_admin,
    mail: ja_mail,
    emailChange: ja_emailChange,
    acceptInvitation: ja_acceptInvitation,
    apiDocs: ja_apiDocs,
    adminUsers: ja_adminUsers,
    adminAudit: ja_adminAudit,
    adminOutbox: ja_adminOutbox,
    adminInvitations: ja_adminInvitations,
    adminGuideApplications: ja_adminGuideApplications,
  },
} satisfies Record<Locale, Record<string, unknown>>;
