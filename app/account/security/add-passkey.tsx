"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, FormMessage } from "../../components/field";
import { PasskeyButton } from "../../components/passkey-button";
import { addPasskey } from "../../components/passkey-client";

export function AddPasskey() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [added, setAdded] = useState(false);
  const t = useTranslations("security.passkeys");
  return (
    <div>
      {added && <FormMessage kind="success">{t("added")}</FormMessage>}
      <Field name="passkey_name" label={t("name")} hint={t("nameHint")} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <PasskeyButton
        label={t("add")}
        run={() => addPasskey(name.trim() || t("defaultName"))}
        onDone={() => {
          setAdded(true);
          setName("");
          router.refresh();
        }}
      />
    </div>
  );
}
