"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormMessage } from "../../components/field";
import { PasskeyButton } from "../../components/passkey-button";
import { addPasskey } from "../../components/passkey-client";

export function AddPasskey() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [added, setAdded] = useState(false);
  return (
    <div>
      {added && <FormMessage kind="success">Passkey added.</FormMessage>}
      <Field name="passkey_name" label="Passkey name" hint="So you can tell your passkeys apart, e.g. “Work laptop”." maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <PasskeyButton
        label="Add a passkey"
        run={() => addPasskey(name.trim() || "Passkey")}
        onDone={() => {
          setAdded(true);
          setName("");
          router.refresh();
        }}
      />
    </div>
  );
}
