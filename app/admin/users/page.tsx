import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/accounts";
import { endUserSessionsAction, setUserDisabledAction } from "./actions";
import { NewUserForm } from "./new-user-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireRole("admin");
  const users = await listUsers(await getDb(), admin);
  return (
    <div className="stack">
      <h1>Users</h1>
      <DataTable
        label="Accounts"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: "Name", cell: (u) => u.name },
          { header: "Email", cell: (u) => u.email },
          { header: "Role", cell: (u) => u.role },
          {
            header: "Status",
            cell: (u) => (u.disabled ? <span className="badge warn">Disabled</span> : <span className="badge">Active</span>),
          },
          {
            header: "Actions",
            hideHeader: true,
            cell: (u) =>
              u.id !== admin.id && (
                <div className="toolbar">
                  <ActionForm action={setUserDisabledAction}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={String(!u.disabled)} />
                    <button className={u.disabled ? "button secondary" : "button danger"} type="submit">
                      {u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
                    </button>
                  </ActionForm>
                  {!u.disabled && (
                    <ActionForm action={endUserSessionsAction}>
                      <input type="hidden" name="userId" value={u.id} />
                      <button className="button secondary" type="submit">{`Sign ${u.name} out everywhere`}</button>
                    </ActionForm>
                  )}
                </div>
              ),
          },
        ]}
      />
      <section className="card" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add an account</h2>
        <NewUserForm />
      </section>
    </div>
  );
}
