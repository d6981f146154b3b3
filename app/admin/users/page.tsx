import type { Metadata } from "next";
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
      <div className="table-wrap">
        <table className="table" aria-label="Accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>{u.disabled ? <span className="badge warn">Disabled</span> : <span className="badge">Active</span>}</td>
                <td>
                  {u.id !== admin.id && (
                    <div className="toolbar">
                      <form action={setUserDisabledAction}>
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="disabled" value={String(!u.disabled)} />
                        <button className={u.disabled ? "button secondary" : "button danger"} type="submit">
                          {u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
                        </button>
                      </form>
                      {!u.disabled && (
                        <form action={endUserSessionsAction}>
                          <input type="hidden" name="userId" value={u.id} />
                          <button className="button secondary" type="submit">{`Sign ${u.name} out everywhere`}</button>
                        </form>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add an account</h2>
        <NewUserForm />
      </section>
    </div>
  );
}
